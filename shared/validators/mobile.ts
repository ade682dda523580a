import { fail, pass, type Check } from './check';
import { normalizePhone } from './normalize';

// 1[3-9] and nine digits. Carrier prefixes are deliberately not whitelisted: they change.
const MOBILE = /^1[3-9]\d{9}$/;
// Trunk 0, area code (010, 02x: 3 digits with the 0; the rest 4), a 7- or 8-digit local
// number that never starts with 0 or 1.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;

const BAD_MOBILE = [
  '手机号应为11位，以13–19开头（可带+86或0086，空格、短横线不影响），请核对后重新填写',
  'Mobile number must be 11 digits starting 13–19 (+86 or 0086, spaces and dashes are fine); check it and enter it again',
] as const;

/**
 * Mainland mobile number as people write it (`138 0013 8000`, `+86 138-0013-8000`, `0086…`,
 * full-width digits), normalized to its 11 digits.
 */
export function checkMobile(raw: string): Check<string> {
  const s = normalizePhone(raw);
  if (!MOBILE.test(s)) return fail(...BAD_MOBILE);
  return pass(s);
}

/**
 * A contact phone: a mobile number, or where the field allows it a landline with its area
 * code (`010-12345678`, `(0571) 8765 4321`, `+86 10 1234 5678`), normalized to
 * `0AA-NNNNNNNN` so the same number always reads and indexes the same. Extensions are not
 * taken: there is no agreed way to write them.
 */
export function checkPhone(raw: string, options: { landline?: boolean } = {}): Check<string> {
  if (!options.landline) return checkMobile(raw);
  const s = normalizePhone(raw);
  if (MOBILE.test(s)) return pass(s);
  const m = LANDLINE.exec(s);
  if (m) return pass(`${m[1]}-${m[2]}`);
  return fail(
    '电话应为11位手机号，或带区号的固定电话（如010-62345678，不含分机号），请核对后重新填写',
    'Phone must be an 11-digit mobile number or a landline with its area code (e.g. 010-62345678, no extension); check it and enter it again',
  );
}
