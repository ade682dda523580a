import type { FieldCipher } from '../crypto';
import type { ComplaintEventRow, ComplaintRow } from './rows';

/**
 * What a customer said and what staff wrote back is free text: it can hold a phone, an ID
 * number or an address, so it is sealed at rest (issue 10). Lists show none of it (the summary
 * has the masked identifiers only), so only the detail opens these. An empty note stays '' (it
 * says nothing, and events without a note are the common case).
 */
export const COMPLAINT_CONTENT_CONTEXT = 'complaints.content';
export const COMPLAINT_ANSWER_CONTEXT = 'complaints.answer';
export const COMPLAINT_NOTE_CONTEXT = 'complaint_events.note';

const sealText = (cipher: FieldCipher, text: string, context: string): string =>
  text === '' ? '' : cipher.seal(text, context);
const openText = (cipher: FieldCipher, stored: string, context: string): string =>
  stored === '' ? '' : cipher.open(stored, context);

export const sealContent = (cipher: FieldCipher, text: string): string =>
  sealText(cipher, text, COMPLAINT_CONTENT_CONTEXT);
export const sealAnswer = (cipher: FieldCipher, text: string): string =>
  sealText(cipher, text, COMPLAINT_ANSWER_CONTEXT);
export const sealNote = (cipher: FieldCipher, text: string): string =>
  sealText(cipher, text, COMPLAINT_NOTE_CONTEXT);

/** The row with its free text opened, for the detail (the only place that shows it). */
export const openComplaint = (cipher: FieldCipher, row: ComplaintRow): ComplaintRow => ({
  ...row,
  content: openText(cipher, row.content, COMPLAINT_CONTENT_CONTEXT),
  answer: row.answer === null ? null : openText(cipher, row.answer, COMPLAINT_ANSWER_CONTEXT),
});

export const openEvent = (cipher: FieldCipher, row: ComplaintEventRow): ComplaintEventRow => ({
  ...row,
  note: openText(cipher, row.note, COMPLAINT_NOTE_CONTEXT),
});
