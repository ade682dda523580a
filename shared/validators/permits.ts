import { fail, pass, type Check } from './check';
import { compactDateAt, idCheckChar, isAfterToday } from './id-number';
import { normalizeCode } from './normalize';
import { isProvinceCode } from './regions';

/**
 * Numbers of the certificates other than the resident ID card. Each has its own published
 * shape; only those built on GB 11643 (the residence permit, the 2023 permanent residence ID)
 * carry its check character.
 */

const CHECK_CARD = '请核对证件后重新填写';
const CHECK_CARD_EN = 'check it against the document and enter it again';

/** The shared tail of the GB 11643-style numbers: a real birth date at 6 and the check char. */
function birthAndCheck(s: string, at: number, name: [string, string], today: Date): Check<string> {
  const birth = compactDateAt(s, at);
  if (!birth)
    return fail(
      `${name[0]}中的出生日期无效，${CHECK_CARD}`,
      `${name[1]}: birth date is not a real date; ${CHECK_CARD_EN}`,
    );
  if (isAfterToday(birth, today))
    return fail(
      `${name[0]}中的出生日期晚于今天，${CHECK_CARD}`,
      `${name[1]}: birth date is in the future; ${CHECK_CARD_EN}`,
    );
  if (idCheckChar(s.slice(0, 17)) !== s.charAt(17))
    return fail(
      `${name[0]}校验位不正确，${CHECK_CARD}`,
      `${name[1]}: check character does not match; ${CHECK_CARD_EN}`,
    );
  return pass(s);
}

const PERMIT_NAME: [string, string] = ['居住证号码', 'Residence permit number'];

/**
 * 港澳台居民居住证 (2018): 18 characters as GB 11643, the area being 810000 (Hong Kong),
 * 820000 (Macao) or 830000 (Taiwan), then birth date, sequence and the same check character.
 */
export function checkResidencePermit(raw: string, today: Date = new Date()): Check<string> {
  const s = normalizeCode(raw);
  if (!/^\d{17}[\dX]$/.test(s))
    return fail(
      `居住证号码应为18位（17位数字加1位数字或X），${CHECK_CARD}`,
      `Residence permit number must be 18 characters (17 digits, then a digit or X); ${CHECK_CARD_EN}`,
    );
  if (!/^8[123]0000/.test(s))
    return fail(
      `港澳台居民居住证号码应以810000、820000或830000开头，${CHECK_CARD}`,
      `A Hong Kong, Macao or Taiwan residence permit number starts 810000, 820000 or 830000; ${CHECK_CARD_EN}`,
    );
  return birthAndCheck(s, 6, PERMIT_NAME, today);
}

/**
 * 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits on the card issued since
 * 2013; the older booklet's number has 2 more digits (the issue count).
 */
export function checkHkMacaoPermit(raw: string): Check<string> {
  const s = normalizeCode(raw);
  if (!/^[HM](?:\d{8}|\d{10})$/.test(s))
    return fail(
      `港澳居民来往内地通行证号码应为H或M加8位数字（旧版为10位数字），${CHECK_CARD}`,
      `Home-return permit number must be H or M and 8 digits (10 on the old booklet); ${CHECK_CARD_EN}`,
    );
  return pass(s);
}

/** 台湾居民来往大陆通行证: 8 digits on the card issued since 2015, 10 on the older booklet. */
export function checkTaiwanPermit(raw: string): Check<string> {
  const s = normalizeCode(raw);
  if (!/^(?:\d{8}|\d{10})$/.test(s))
    return fail(
      `台湾居民来往大陆通行证号码应为8位数字（旧版为10位），${CHECK_CARD}`,
      `Taiwan compatriot permit number must be 8 digits (10 on the old booklet); ${CHECK_CARD_EN}`,
    );
  return pass(s);
}

const PR_NAME: [string, string] = ['永久居留身份证号码', 'Permanent residence ID number'];

/**
 * 外国人永久居留身份证. Since 2023-12-01: 18 characters built like GB 11643 — 9, the 2-digit
 * province that took the application, a 3-digit nationality code, birth date, 3-digit
 * sequence and the same check character. The cards issued before (2004, 2017) stay valid and
 * carry 15 characters: a 3-letter nationality code and 12 digits, with no published check.
 */
export function checkForeignPermanentId(raw: string, today: Date = new Date()): Check<string> {
  const s = normalizeCode(raw);
  if (/^[A-Z]{3}\d{12}$/.test(s)) return pass(s);
  if (!/^9\d{16}[\dX]$/.test(s))
    return fail(
      `永久居留身份证号码应为以9开头的18位（新版），或3个字母加12位数字（旧版），${CHECK_CARD}`,
      `Permanent residence ID number must be 18 characters starting with 9 (new card) or 3 letters and 12 digits (old card); ${CHECK_CARD_EN}`,
    );
  if (!isProvinceCode(s.slice(1, 3)))
    return fail(
      `永久居留身份证号码第2–3位不是有效的省级行政区划代码，${CHECK_CARD}`,
      `Permanent residence ID number: the 2nd–3rd digits name no province; ${CHECK_CARD_EN}`,
    );
  return birthAndCheck(s, 6, PR_NAME, today);
}

/**
 * 护照: Chinese passports are a letter (E, G, D, S, P) and 7–8 digits or E and a letter and 7
 * digits, foreign ones follow their own country; ICAO 9303 gives them letters and digits
 * only. So: 5–17 letters and digits with at least one digit. An 18-digit resident ID number
 * typed under the wrong type is pointed out rather than taken as a passport.
 */
export function checkPassport(raw: string): Check<string> {
  const s = normalizeCode(raw);
  if (/^\d{17}[\dX]$/.test(s))
    return fail(
      '这是18位证件号码，不是护照号码，请选择正确的证件类型',
      'This is an 18-character ID number, not a passport number; choose the right certificate type',
    );
  if (!/^[A-Z0-9]{5,17}$/.test(s) || !/\d/.test(s))
    return fail(
      `护照号码应为5–17位字母和数字，${CHECK_CARD}`,
      `Passport number must be 5–17 letters and digits; ${CHECK_CARD_EN}`,
    );
  return pass(s);
}
