/**
 * `outbox.last_error` is listed (dead letters, diagnostics) without decrypting, so it may hold
 * codes and nothing else: an HTTP status, an error class, a reason code, a field key. Whatever
 * reaches it is cut to words of that shape; any other word (more than three digits, a letter
 * outside ASCII, an `@`, …) becomes `…`. A phone, an ID number, a credit code or an address
 * that slipped into an error's detail therefore can never be written there.
 */
const CODE_WORD = /^[A-Za-z_(][A-Za-z0-9_.:()/-]*$/;
const SHORT_NUMBER = /^\d{1,3}$/;
const MAX_WORDS = 12;

const isCode = (word: string): boolean =>
  SHORT_NUMBER.test(word) || (CODE_WORD.test(word) && (word.match(/\d/g)?.length ?? 0) <= 3);

export function errorNote(detail: string): string {
  return detail
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((word) => (isCode(word) ? word : '…'))
    .join(' ');
}
