import { hallDateCompact } from '../hall-time';
import { fail, pass, type Check } from './check';
import { normalizeCode } from './normalize';
import { isProvinceCode } from './regions';

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

/** A YYYYMMDD date at `at` in `s`, as YYYY-MM-DD, or undefined if not a real date. */
export function compactDateAt(s: string, at: number): string | undefined {
  const part = s.slice(at, at + 8);
  if (!/^\d{8}$/.test(part)) return undefined;
  const y = Number(part.slice(0, 4));
  if (y < 1800 || !isRealDate(y, Number(part.slice(4, 6)), Number(part.slice(6, 8))))
    return undefined;
  return `${part.slice(0, 4)}-${part.slice(4, 6)}-${part.slice(6, 8)}`;
}

/** Birth date (YYYY-MM-DD) encoded in an 18-character ID number, or undefined if not a real date. */
export const idNumberBirthDate = (id: string): string | undefined => compactDateAt(id.trim(), 6);

/** Whether a YYYY-MM-DD date lies after `today` in hall time. */
export const isAfterToday = (isoDate: string, today: Date): boolean =>
  isoDate.replaceAll('-', '') > hallDateCompact(today);

const CHECK_ID = '请核对身份证后重新填写';
const CHECK_ID_EN = 'check it against the card and enter it again';

/**
 * Mainland resident ID (GB 11643): 6-digit area whose first two digits are a GB/T 2260
 * province in force, 8-digit birth date (real, not after today), 3-digit sequence, check char.
 * Lower-case x, spaces and full-width digits are accepted and normalized. A 15-digit number is
 * the first-generation card's, which stopped being valid on 2013-01-01: it is refused with
 * that reason rather than converted, because the card it comes from proves nothing today.
 */
export function checkIdNumber(raw: string, today: Date = new Date()): Check<string> {
  const s = normalizeCode(raw);
  if (/^\d{15}$/.test(s))
    return fail(
      '15位旧身份证已停用，请使用18位身份证（第二代居民身份证）上的号码',
      'The 15-digit first-generation ID card is no longer valid; use the number on the 18-digit card',
    );
  if (s.length !== 18)
    return fail(`身份证号应为18位，${CHECK_ID}`, `ID number must be 18 characters; ${CHECK_ID_EN}`);
  if (!/^\d{17}[\dX]$/.test(s))
    return fail(
      `身份证号前17位应为数字，末位为数字或X，${CHECK_ID}`,
      `ID number: 17 digits then a digit or X; ${CHECK_ID_EN}`,
    );
  if (/^8[123]0000/.test(s))
    return fail(
      '这是港澳台居民居住证号码，请将证件类型改为“港澳台居民居住证”',
      'This is a Hong Kong, Macao or Taiwan residence permit number; change the certificate type to that permit',
    );
  if (s.startsWith('9'))
    return fail(
      '这是外国人永久居留身份证号码，请将证件类型改为“外国人永久居留身份证”',
      "This is a foreigner's permanent residence ID number; change the certificate type to that card",
    );
  if (!isProvinceCode(s.slice(0, 2)))
    return fail(
      `身份证号前两位不是有效的省级行政区划代码，${CHECK_ID}`,
      `ID number: the first two digits name no province; ${CHECK_ID_EN}`,
    );
  const birth = idNumberBirthDate(s);
  if (!birth)
    return fail(
      `身份证号中的出生日期无效，${CHECK_ID}`,
      `ID number: birth date is not a real date; ${CHECK_ID_EN}`,
    );
  if (isAfterToday(birth, today))
    return fail(
      `身份证号中的出生日期晚于今天，${CHECK_ID}`,
      `ID number: birth date is in the future; ${CHECK_ID_EN}`,
    );
  if (idCheckChar(s.slice(0, 17)) !== s.charAt(17))
    return fail(
      `身份证号校验位不正确，${CHECK_ID}`,
      `ID number: check character does not match; ${CHECK_ID_EN}`,
    );
  return pass(s);
}
