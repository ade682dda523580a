import type { FieldValue } from '../api/schemas';
import { t } from '../text';
import type { Check } from '../validators/check';
import { fail, pass } from '../validators/check';
import { checkAccountNo } from '../validators/account-no';
import { checkAddress } from '../validators/address';
import { checkCapacityKva, checkTransformerKva } from '../validators/capacity';
import {
  checkCertificate,
  DEFAULT_CERTIFICATE_TYPE,
  type CertificateType,
} from '../validators/certificates';
import { checkCreditCode } from '../validators/credit-code';
import { checkPhone } from '../validators/mobile';
import type { FieldDef } from './types';

export interface FieldCheckContext {
  now: Date;
  accountNoLength: number;
  /** For an idNumber field: the certificate its type select names (default 居民身份证). */
  certificateType?: CertificateType;
}

// Single-line text: no control characters at all; textarea allows line breaks and tabs.
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BLOCK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const DEFAULT_MAX_LENGTH: Partial<Record<FieldDef['kind'], number>> = {
  text: 100,
  textarea: 500,
  personName: 50,
  orgName: 100,
};

/** Empty means "not given": null, undefined, blank strings. */
export const isEmptyValue = (v: FieldValue | undefined): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function checkText(def: FieldDef, v: FieldValue): Check<FieldValue> {
  if (typeof v !== 'string') return fail('应为文字', 'must be text');
  const s = def.kind === 'textarea' ? v.replace(/\r\n/g, '\n').trim() : v.trim();
  const max = def.maxLength ?? DEFAULT_MAX_LENGTH[def.kind] ?? 100;
  if (s.length > max) return fail(`不能超过${max}个字`, `must be at most ${max} characters`);
  if ((def.kind === 'textarea' ? CONTROL_BLOCK : CONTROL_LINE).test(s))
    return fail('含有不可见的控制字符', 'contains control characters');
  return pass(s);
}

/** Numbers may arrive as strings from a text input; only plain decimal forms are accepted. */
function toNumber(v: FieldValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

function checkDate(v: FieldValue): Check<FieldValue> {
  const s = typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return fail('日期格式应为YYYY-MM-DD', 'date must be YYYY-MM-DD');
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== s) return fail('不是有效日期', 'is not a real date');
  return pass(s);
}

function checkSelect(def: FieldDef, v: FieldValue): Check<FieldValue> {
  const s = typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !(def.options ?? []).some((o) => o.value === s.trim()))
    return fail('请从选项中选择', 'choose one of the options');
  return pass(s.trim());
}

const notText = (): Check<FieldValue> => fail('应为文字', 'must be text');

/** Checks one present (non-empty) value against its definition; returns the normalized value. */
export function checkFieldValue(
  def: FieldDef,
  v: FieldValue,
  ctx: FieldCheckContext,
): Check<FieldValue> {
  switch (def.kind) {
    case 'text':
    case 'textarea':
    case 'personName':
    case 'orgName':
      return checkText(def, v);
    case 'idNumber':
      return typeof v === 'string'
        ? checkCertificate(ctx.certificateType ?? DEFAULT_CERTIFICATE_TYPE, v, ctx.now)
        : notText();
    case 'creditCode':
      return typeof v === 'string' ? checkCreditCode(v) : notText();
    case 'mobile':
      return typeof v === 'string' ? checkPhone(v, { landline: def.landline === true }) : notText();
    case 'accountNo':
      return typeof v === 'string' ? checkAccountNo(v, ctx.accountNoLength) : notText();
    case 'address':
      return checkAddress(v);
    case 'date':
      return checkDate(v);
    case 'select':
      return checkSelect(def, v);
    case 'capacityKva':
    case 'capacityKw': {
      const n = toNumber(v);
      return n === undefined
        ? fail('应为数字', 'must be a number')
        : checkCapacityKva(n, { min: def.min, max: def.max });
    }
    case 'transformerKva': {
      const n = toNumber(v);
      return n === undefined ? fail('应为数字', 'must be a number') : checkTransformerKva(n);
    }
    case 'integer': {
      const n = toNumber(v);
      if (n === undefined || !Number.isInteger(n))
        return fail('应为整数', 'must be a whole number');
      if (def.min !== undefined && n < def.min)
        return fail(`不能小于${def.min}`, `must be at least ${def.min}`);
      if (def.max !== undefined && n > def.max)
        return fail(`不能大于${def.max}`, `must be at most ${def.max}`);
      return pass(n);
    }
  }
}

/** "申请人证件号码：身份证号校验位不正确…" — the label first, so the clerk sees which field. */
export const labelled = (def: FieldDef, reason: { zh: string; en: string }) =>
  t(`${def.label.zh}：${reason.zh}`, `${def.label.en}: ${reason.en}`);
