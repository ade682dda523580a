import { normalizePhone } from '../../../../shared/validators/normalize';
import { wholeCertificateNumber } from '../../../../shared/validators/certificates';

/** The columns whose values are masked on screen: a search by them can reveal a customer. */
export type ProtectedColumn = 'id_number' | 'mobile' | 'credit_code';

export type QueryClass =
  /** Nothing to search. */
  | { kind: 'empty' }
  /** A name or an application number: prefix search, no protected column involved. */
  | { kind: 'text' }
  /** A whole ID number, phone or credit code: matched as a whole value only. */
  | { kind: 'whole'; column: ProtectedColumn }
  /** Part of one (digits-heavy) or a pattern (wildcards): never matched against a protected column. */
  | { kind: 'fragment'; reason: 'digits' | 'wildcard' };

/** SQL LIKE and glob wildcards, and the shell's: a query never means them, so they are suspect. */
const WILDCARD = /[%_*?[\]]/;
const MOBILE_SHAPE = /^1\d{10}$/;
const ID_SHAPE = /^\d{17}[\dX]$/;
const CREDIT_SHAPE = /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/;
/** Fewer digits than this can hardly narrow a phone or ID down, and match dates and sequence numbers. */
const MIN_FRAGMENT_DIGITS = 3;

/**
 * The query as the search will see it: NFKC folds full-width digits and letters (１３８ → 138),
 * spaces and dashes inside a number are dropped, a +86 / 0086 country prefix goes, letters upper.
 */
export function compactQuery(raw: string): string {
  // A phone as the search and the blind index normalise it (dots and brackets too), so the
  // guard counts exactly the searches that can match a stored phone.
  const phone = normalizePhone(raw);
  if (MOBILE_SHAPE.test(phone)) return phone;
  const s = raw
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u00b7]/gu, '')
    .toUpperCase();
  return s.replace(/^(?:\+|00)86(?=1\d)/, '');
}

/**
 * Does this query look like an ID number, phone or credit code (whole), or a piece of one? A
 * digits-heavy string (at least 3 digits, at least half of it digits) is treated as a piece
 * unless it is a whole value; wildcards always are.
 */
export function classifyQuery(raw: string): QueryClass {
  if (raw.trim() === '') return { kind: 'empty' };
  if (WILDCARD.test(raw.normalize('NFKC'))) return { kind: 'fragment', reason: 'wildcard' };
  const q = compactQuery(raw);
  if (q === '') return { kind: 'empty' };
  if (MOBILE_SHAPE.test(q)) return { kind: 'whole', column: 'mobile' };
  if (ID_SHAPE.test(q)) return { kind: 'whole', column: 'id_number' };
  if (CREDIT_SHAPE.test(q)) return { kind: 'whole', column: 'credit_code' };
  // Any other whole certificate number (a passport, a home-return or Taiwan permit, an old
  // permanent residence ID; digits only too): what the search looks up whole under id_number,
  // unless it reads as an application number. Pieces of them stay fragments.
  if (!isApplicationNoWithDate(q) && wholeCertificateNumber(q) !== null) {
    return { kind: 'whole', column: 'id_number' };
  }
  const digits = q.replace(/\D/g, '').length;
  if (digits >= MIN_FRAGMENT_DIGITS && digits * 2 >= q.length && !isApplicationNo(q)) {
    return { kind: 'fragment', reason: 'digits' };
  }
  return { kind: 'text' };
}

/** An application number up to its date at least: station code, then 20YYMM (C01202611…). */
const isApplicationNoWithDate = (q: string): boolean =>
  /^[A-Z][A-Z0-9]{0,3}?20\d{2}(?:0[1-9]|1[0-2])/.test(q);

/**
 * An application number (or its start): station code letters first, then digits (C01 +
 * YYYYMMDD + sequence). A credit code never starts with a letter other than A, N or Y (its
 * registration authority), and IDs and phones never start with a letter.
 */
function isApplicationNo(q: string): boolean {
  return /^[B-MO-XZ][A-Z]{0,2}\d*$/.test(q);
}
