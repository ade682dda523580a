import type { Address, FieldValue } from '../api/schemas';
import type { FieldKind } from '../catalogue/types';
import { cityPart } from './address-text';

/** Personal data shown on screens and paper is masked (PIPL); these are the only masks. */

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keep `head` leading and `tail` trailing characters; too-short values are masked entirely. */
export function maskMiddle(s: string, head: number, tail: number): string {
  const chars = [...s.trim()];
  if (chars.length <= head + tail) return stars(chars.length);
  return (
    chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(-tail).join('')
  );
}

/**
 * "11010519491231002X" → "110***********002X". Shorter certificate numbers (passports,
 * permits: 8–14 characters) keep the first and the last 3, so most of the number stays hidden.
 */
export function maskIdNumber(s: string): string {
  const v = s.toUpperCase();
  const n = [...v.trim()].length;
  if (n >= 15) return maskMiddle(v, 3, 4);
  // Below 8 characters even 1 + 3 would show half: mask all.
  return n >= 8 ? maskMiddle(v, 1, 3) : stars(n);
}

/** "13812345678" (any +86 form) → "138****5678". */
export function maskMobile(s: string): string {
  const digits = s.replace(/^\s*(?:\+|00)86[ -]?/, '').trim();
  return maskMiddle(digits, 3, 4);
}

/** "91350100M000100Y43" → "9135**********0Y43". */
export const maskCreditCode = (s: string): string => maskMiddle(s.toUpperCase(), 4, 4);

/** "张三丰" → "张**": the surname stays, for screens that must not show full names (kiosk). */
export function maskName(s: string): string {
  const chars = [...s.trim()];
  if (chars.length === 0) return '';
  return chars[0] + stars(Math.max(1, chars.length - 1));
}

// Free-text addresses: keep up to the first county-level marker; without one, keep a short head
// that stops before any digit so no house number survives.
const DISTRICT_END = /^.{2,20}?(?:自治县|区|县|旗)/u;
const FREE_TEXT_HEAD = /^\D{0,6}/u;

/** Province, city and district are kept; street and detail become "****". */
export function maskAddress(a: Address | string): string {
  if (typeof a === 'string') {
    const s = a.trim();
    if (s === '') return '';
    const m = DISTRICT_END.exec(s);
    const head = m ? m[0] : [...(FREE_TEXT_HEAD.exec(s)?.[0] ?? '')].slice(0, 6).join('');
    return `${head}****`;
  }
  const head = [a.province, cityPart(a), a.district].join('');
  return `${head}****`;
}

const isAddress = (v: unknown): v is Address =>
  typeof v === 'object' && v !== null && 'province' in v && 'detail' in v;

/**
 * A field value as it may be displayed: personal kinds masked, everything else as text.
 * Names (personName) stay readable here because the counter and the receipt need them;
 * use maskName where a name must be hidden too.
 */
export function maskPersonal(kind: FieldKind, value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (kind === 'address' || isAddress(value)) return maskAddress(value as Address | string);
  const s = String(value);
  if (s === '') return '';
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(s);
    case 'mobile':
      return maskMobile(s);
    case 'creditCode':
      return maskCreditCode(s);
    default:
      return s;
  }
}

/** The kinds maskPersonal hides: a field of these kinds never appears in clear on screen. */
export const MASKED_KINDS: readonly FieldKind[] = ['idNumber', 'mobile', 'creditCode', 'address'];
