/**
 * The guesses an attacker makes for one hidden character of a masked value: the visible head
 * (or tail) plus a candidate, as prefixes, suffixes, wildcard patterns, and in other widths,
 * cases and spacings. Each variant is a function of the candidate, so the probe can compare
 * the answer for the true character with the answers for the wrong ones.
 */
export interface Variant {
  name: string;
  query: (candidate: string) => string;
}

const fullWidth = (s: string): string =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Variants for the first hidden position: `head` is what the mask shows before it. */
export function headVariants(head: string, hiddenAfter: number, tail: string): Variant[] {
  const blanks = (ch: string) => ch.repeat(hiddenAfter);
  return [
    { name: 'prefix', query: (d) => head + d },
    { name: 'prefix%', query: (d) => `${head}${d}%` },
    { name: 'prefix*', query: (d) => `${head}${d}*` },
    { name: 'prefix?', query: (d) => `${head}${d}?` },
    { name: 'pattern_', query: (d) => head + d + blanks('_') + tail },
    { name: 'pattern?', query: (d) => head + d + blanks('?') + tail },
    { name: 'pattern%', query: (d) => `${head}${d}%${tail}` },
    { name: 'full-width', query: (d) => fullWidth(head + d) },
    { name: 'spaced', query: (d) => ` ${head} ${d} ` },
    { name: 'dashed', query: (d) => `${head}-${d}` },
    { name: 'lower-case', query: (d) => (head + d).toLowerCase() },
    { name: '+86', query: (d) => `+86 ${head}${d}` },
  ];
}

/** Variants for the last hidden position: `tail` is what the mask shows after it. */
export function tailVariants(tail: string): Variant[] {
  return [
    { name: 'suffix', query: (d) => d + tail },
    { name: '%suffix', query: (d) => `%${d}${tail}` },
    { name: '*suffix', query: (d) => `*${d}${tail}` },
    { name: '?suffix', query: (d) => `?${d}${tail}` },
    { name: 'full-width suffix', query: (d) => fullWidth(d + tail) },
    { name: 'lower-case suffix', query: (d) => (d + tail).toLowerCase() },
    { name: 'spaced suffix', query: (d) => ` ${d} ${tail}` },
  ];
}

/** Every hidden character a guess could be: digits (and X, the ID check character). */
export const CANDIDATES = [...'0123456789'];
