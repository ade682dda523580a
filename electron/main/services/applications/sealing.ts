import type { FieldCipher } from '../crypto';

/**
 * How an application's personal data is stored: the fields (every value the clerk typed,
 * addresses and free text included) sealed as one blob; the ID number, phone and credit code
 * copied out twice, masked (for lists, which never decrypt) and as a blind index (for whole-value
 * search and repeat contacts). Names and 户号 stay plain for prefix search (docs/security.md).
 */
export const FIELDS_CONTEXT = 'applications.fields_json';
export const HISTORY_CONTEXT = 'application_history.changes_json';

export const sealFields = (cipher: FieldCipher, json: string): string =>
  cipher.seal(json, FIELDS_CONTEXT);
export const openFields = (cipher: FieldCipher, stored: string): string =>
  cipher.open(stored, FIELDS_CONTEXT);
export const sealHistory = (cipher: FieldCipher, json: string): string =>
  cipher.seal(json, HISTORY_CONTEXT);
export const openHistory = (cipher: FieldCipher, stored: string): string =>
  cipher.open(stored, HISTORY_CONTEXT);
