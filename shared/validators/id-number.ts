import { hallDateCompact } from '../hall-time';
import { fail, pass, type Check } from './check';

/** GB 11643 weights for the first 17 characters. */
export const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by Σ(dᵢ·wᵢ) mod 11. */
export const ID_CHECK_CHARS = '10X98765432';

/** The check character for a 17-digit body; the body must be digits only. */
export function idCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Birth date (YYYY-MM-DD) encoded in an 18-character ID number, or undefined if not a real date. */
export function idNumberBirthDate(id: string): string | undefined {
  const s = id.trim();
  if (!/^\d{14}/.test(s)) return undefined;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1800 || !isRealDate(y, m, d)) return undefined;
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

/**
 * Mainland resident ID (GB 11643): 6-digit area, 8-digit birth date, 3-digit sequence, check char.
 * Lower-case x is accepted and normalized to X. Passports and HK/Macau/Taiwan permits are not
 * checked here (they have no checksum).
 */
export function checkIdNumber(raw: string, today: Date = new Date()): Check<string> {
  const s = String(raw ?? '')
    .trim()
    .toUpperCase();
  if (s.length !== 18) return fail('身份证号应为18位', 'ID number must be 18 characters');
  if (!/^\d{17}[\dX]$/.test(s))
    return fail('身份证号前17位应为数字，末位为数字或X', 'ID number: 17 digits then a digit or X');
  if (s.startsWith('0')) return fail('身份证号地区码无效', 'ID number: invalid area code');
  const birth = idNumberBirthDate(s);
  if (!birth) return fail('身份证号中的出生日期无效', 'ID number: birth date is not a real date');
  if (birth.replaceAll('-', '') > hallDateCompact(today))
    return fail('身份证号中的出生日期晚于今天', 'ID number: birth date is in the future');
  if (idCheckChar(s.slice(0, 17)) !== s.charAt(17))
    return fail('身份证号校验位不正确', 'ID number: check character does not match');
  return pass(s);
}
