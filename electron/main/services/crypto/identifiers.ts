import type { FieldCipher, IndexKind } from './cipher';
import { maskCreditCode, maskIdNumber, maskMobile } from '../../../../shared/domain/mask';

/**
 * Identifier columns (ID number, phone, credit code) are stored twice and never in clear:
 * masked, for lists that must not decrypt, and as a blind index, for whole-value search and
 * repeat contacts. Every owner that keeps a copy of one (applications, complaints) uses this.
 */
/** The copied-out identifiers as typed (normalised), before they are stored. */
export interface PlainIdentifiers {
  mobile: string;
  id_number: string;
  credit_code: string;
}

export interface StoredIdentifiers extends PlainIdentifiers {
  mobile_bidx: string;
  id_number_bidx: string;
  credit_code_bidx: string;
}

/** An empty identifier indexes as '' so it never equals a query's index. */
const indexOf = (cipher: FieldCipher, kind: IndexKind, value: string): string =>
  value === '' ? '' : cipher.blindIndex(kind, value);

export function storedIdentifiers(cipher: FieldCipher, plain: PlainIdentifiers): StoredIdentifiers {
  return {
    mobile: plain.mobile === '' ? '' : maskMobile(plain.mobile),
    id_number: plain.id_number === '' ? '' : maskIdNumber(plain.id_number),
    credit_code: plain.credit_code === '' ? '' : maskCreditCode(plain.credit_code),
    mobile_bidx: indexOf(cipher, 'mobile', plain.mobile),
    id_number_bidx: indexOf(cipher, 'id_number', plain.id_number),
    credit_code_bidx: indexOf(cipher, 'credit_code', plain.credit_code),
  };
}
