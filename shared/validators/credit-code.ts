import { fail, pass, type Check } from './check';

/** GB 32100 alphabet: digits and capitals without I, O, S, V, Z. */
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const;

/** Check character for a 17-character body over CREDIT_ALPHABET (throws on a foreign char). */
export function creditCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(body17.charAt(i));
    if (v < 0) throw new RangeError('character outside the credit-code alphabet');
    sum += v * (CREDIT_WEIGHTS[i] ?? 0);
  }
  // The outer mod matters: a sum ≡ 0 gives check value 0, not 31.
  return CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/**
 * Unified social credit code (GB 32100): registration authority, organisation category, 6-digit
 * administrative area, 9-character organisation code, check character.
 */
export function checkCreditCode(raw: string): Check<string> {
  const s = String(raw ?? '')
    .trim()
    .toUpperCase();
  if (s.length !== 18)
    return fail('统一社会信用代码应为18位', 'Unified social credit code must be 18 characters');
  if (!SHAPE.test(s))
    return fail(
      '统一社会信用代码含有无效字符（不使用I、O、S、V、Z）',
      'Unified social credit code has invalid characters (I, O, S, V, Z are not used)',
    );
  if (creditCheckChar(s.slice(0, 17)) !== s.charAt(17))
    return fail(
      '统一社会信用代码校验位不正确',
      'Unified social credit code: check character does not match',
    );
  return pass(s);
}
