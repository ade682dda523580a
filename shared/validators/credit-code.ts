import { t } from '../text';
import { fail, pass, type Check } from './check';
import { REGISTRATION_AUTHORITIES } from './credit-code-authorities';
import { normalizeCode } from './normalize';
import { isOrgCodeValid } from './org-code';
import { isProvinceCode, isRegionCode } from './regions';

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
/** Codes given by a national-level registration authority carry 100000 as their area. */
const NATIONAL_AREA = '100000';
const CHECK_LICENCE = '请核对营业执照（或登记证书）上的代码后重新填写';
const CHECK_LICENCE_EN = 'check it against the business licence (or registration certificate)';

/**
 * Unified social credit code (GB 32100), upper-cased: registration authority (1st) and
 * organisation category (2nd) from the standard's table, the registering authority's 6-digit
 * GB/T 2260 area (3rd–8th: the province must exist), the 9-character organisation code, and
 * the check character. Warnings, not refusals: an area code no longer in force (divisions are
 * redrawn, the code is kept for life) and an embedded organisation code whose GB 11714 check
 * fails (not every registration authority assigned one by that standard).
 * Messages leave out the code's own name: callers put the field's label before them.
 */
export function checkCreditCode(raw: string): Check<string> {
  const s = normalizeCode(raw);
  if (s.length !== 18)
    return fail(`应为18位，${CHECK_LICENCE}`, `must be 18 characters; ${CHECK_LICENCE_EN}`);
  if (!SHAPE.test(s))
    return fail(
      `含有无效字符（第3–8位为数字，不使用I、O、S、V、Z），${CHECK_LICENCE}`,
      `has invalid characters (3rd–8th are digits; I, O, S, V, Z are not used); ${CHECK_LICENCE_EN}`,
    );
  const authority = REGISTRATION_AUTHORITIES[s.charAt(0)];
  if (!authority)
    return fail(
      `第1位（登记管理部门代码）不存在，${CHECK_LICENCE}`,
      `the 1st character (registration authority) does not exist; ${CHECK_LICENCE_EN}`,
    );
  if (!authority.categories[s.charAt(1)])
    return fail(
      `第2位（机构类别代码）不属于登记管理部门“${authority.name.zh}”，${CHECK_LICENCE}`,
      `the 2nd character (organisation category) is not one of "${authority.name.en}"; ${CHECK_LICENCE_EN}`,
    );
  const area = s.slice(2, 8);
  if (area !== NATIONAL_AREA && !isProvinceCode(area.slice(0, 2)))
    return fail(
      `第3–8位（登记机关行政区划码）不是有效的省级行政区划，${CHECK_LICENCE}`,
      `the 3rd–8th characters (area of the registering authority) name no province; ${CHECK_LICENCE_EN}`,
    );
  if (creditCheckChar(s.slice(0, 17)) !== s.charAt(17))
    return fail(
      `校验位不正确，${CHECK_LICENCE}`,
      `check character does not match; ${CHECK_LICENCE_EN}`,
    );
  const warnings = [];
  if (area !== NATIONAL_AREA && !isRegionCode(area))
    warnings.push(
      t(
        '其中的行政区划码不在现行区划中（可能是已调整的旧区划），请与营业执照核对',
        'its area code is not a division in force (perhaps one since redrawn); compare it with the licence',
      ),
    );
  if (!isOrgCodeValid(s.slice(8, 17)))
    warnings.push(
      t(
        '其中的组织机构代码（第9–17位）校验不符（GB 11714），可以受理，请与营业执照核对',
        'the embedded organisation code (9th–17th) fails its GB 11714 check; it may be accepted, compare it with the licence',
      ),
    );
  return pass(s, warnings);
}
