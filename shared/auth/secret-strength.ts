/**
 * Refuses staff secrets anyone could guess: one repeated character, a straight run (123456,
 * 654321, abcdefgh), one of the most used passwords, or the staff number itself. Shared by the
 * contract schemas (first run, create, reset, recovery) and the change-secret service, which
 * alone knows whose secret it is.
 */
export type Pair = { zh: string; en: string };

/** The most used passwords and PINs (public breach lists), compared without case. */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '123123',
  '123123123',
  '112233',
  '121212',
  '131313',
  '147258',
  '147258369',
  '159357',
  '520520',
  '520521',
  '5201314',
  '1314520',
  '666888',
  '888888',
  '168168',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'asdfghjk',
  'zxcvbnm1',
  'abc12345',
  'abcd1234',
  'a1234567',
  'a12345678',
  'iloveyou',
  'admin123',
  'admin888',
  'woaini1314',
  'welcome1',
  'changeme',
]);

const oneCharacter = (s: string): boolean => /^(.)\1*$/su.test(s);

/** Every step between neighbours is +1, or every step is -1 (digits or letters). */
function straightRun(s: string): boolean {
  const codes = [...s.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((c, i) => c - (codes[i] ?? 0));
  return steps.length > 0 && (steps.every((d) => d === 1) || steps.every((d) => d === -1));
}

/** Why a new secret is too easy to guess (both languages), or null when it is acceptable. */
export function secretWeakness(secret: string, staffNo?: string): Pair | null {
  const lower = secret.toLowerCase();
  if (oneCharacter(secret))
    return {
      zh: '不能全部是同一个字符，请换一个更难猜的密码',
      en: 'must not repeat one character; choose one that is harder to guess',
    };
  if (straightRun(secret))
    return {
      zh: '不能是连续递增或递减的数字或字母，请换一个更难猜的密码',
      en: 'must not be a straight run such as 123456 or 654321; choose one that is harder to guess',
    };
  if (COMMON.has(lower))
    return {
      zh: '是最常见的密码之一，请换一个更难猜的密码',
      en: 'is one of the most common passwords; choose one that is harder to guess',
    };
  const no = staffNo?.trim().toLowerCase();
  if (no && lower.includes(no))
    return {
      zh: '不能包含工号，请换一个更难猜的密码',
      en: 'must not contain the staff number; choose one that is harder to guess',
    };
  return null;
}
