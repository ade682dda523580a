import type { Address } from '../api/schemas';
import { REGION_CODE } from '../domain/regions';
import { fail, pass, type Check } from './check';

const PARTS = [
  { key: 'province', zh: '省', en: 'province', max: 20, required: true },
  { key: 'city', zh: '市', en: 'city', max: 20, required: true },
  { key: 'district', zh: '区县', en: 'district', max: 20, required: true },
  { key: 'street', zh: '街道', en: 'street', max: 40, required: false },
  { key: 'detail', zh: '详细地址', en: 'detail', max: 100, required: true },
] as const;

// C0/C1 controls and line/paragraph separators: they break receipts and logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Structured address {province, city, district, street, detail}; parts trimmed. */
export function checkAddress(a: unknown): Check<Address> {
  if (typeof a !== 'object' || a === null || Array.isArray(a))
    return fail(
      '地址应包含省、市、区县和详细地址',
      'Address needs province, city, district and detail',
    );
  const rec = a as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const p of PARTS) {
    const v = rec[p.key];
    if (v !== undefined && v !== null && typeof v !== 'string')
      return fail(`地址的${p.zh}应为文字`, `Address ${p.en} must be text`);
    const s = (v ?? '').trim();
    if (p.required && s === '') return fail(`地址缺少${p.zh}`, `Address ${p.en} is missing`);
    if (s.length > p.max)
      return fail(
        `地址的${p.zh}过长（最多${p.max}字）`,
        `Address ${p.en} is too long (max ${p.max})`,
      );
    if (CONTROL.test(s))
      return fail(`地址的${p.zh}含有控制字符`, `Address ${p.en} contains control characters`);
    out[p.key] = s;
  }
  // The region's code travels with the names; whether it exists is the services' check
  // (shared/domain/regions.ts, against the data).
  const code = rec.regionCode;
  if (code !== undefined && code !== null && code !== '') {
    if (typeof code !== 'string' || !REGION_CODE.test(code))
      return fail('地址的行政区划代码格式不正确', 'Address region code is malformed');
    out.regionCode = code;
  }
  return pass(out as Address);
}
