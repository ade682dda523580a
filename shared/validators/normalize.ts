/**
 * How identifiers are written down before any check or keyed hash: the same number typed
 * differently (full-width digits, spaces, dashes, a +86 prefix, lower-case letters) must give
 * the same text, or a search by it finds nothing. Validators, the stored search columns and
 * the blind index all go through these.
 */

/** Spaces of any width, hyphens and dashes, dots and middle dots, brackets round an area code. */
const PHONE_SEPARATORS = /[\s\-\u2010-\u2015\u2212.\u00b7\u30fb()]/gu;
/** Spaces and dashes only: letters and other marks in a code stay, so its check can refuse them. */
const CODE_SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;
const COUNTRY_PREFIX = /^(?:\+|00)?86/;
const MOBILE_DIGITS = /^1[3-9]\d{9}$/;

/**
 * A phone number as digits: width folded (１３８ → 138), separators dropped, the country
 * prefix (+86, 0086, 86) taken off a mobile number. A landline written in international form
 * (+86 10 1234 5678) gets its trunk 0 back (010…). Anything else is returned compacted, so a
 * check can tell what is wrong with it.
 */
export function normalizePhone(raw: string): string {
  const s = String(raw ?? '')
    .normalize('NFKC')
    .replace(PHONE_SEPARATORS, '');
  const rest = s.replace(COUNTRY_PREFIX, '');
  if (rest === s || !/^\d+$/.test(rest)) return s;
  if (MOBILE_DIGITS.test(rest)) return rest;
  // Area codes never start with 1 except Beijing's 10; a mobile-looking rest is not a landline.
  if (/^(?:10|[2-9])\d{8,10}$/.test(rest) && /^(?:\+|00)86/.test(s)) return `0${rest}`;
  return s;
}

/** An ID number, credit code or certificate number: width folded, spaces and dashes out, upper case. */
export function normalizeCode(raw: string): string {
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(CODE_SEPARATORS, '')
    .toUpperCase();
}
