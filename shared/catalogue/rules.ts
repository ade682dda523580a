import type { FieldValues } from '../api/schemas';
import { addWorkingDays } from '../deadline/calendar';
import { hallDate } from '../hall-time';
import { t, type LocalizedText } from '../text';
import { checkIncreaseTotal } from '../validators/capacity';
import type { RuleCheckDef } from './types';

/**
 * Business rule checks run on submit, after the fields passed their own checks. Each returns
 * the reason it fails, or undefined. A rule whose inputs are absent passes: the missing field
 * is reported by the required-field check instead. Messages carry the rule's figures (days,
 * limits), never a customer's value.
 */
export interface RuleContext {
  fields: FieldValues;
  now: Date;
}
type Params = NonNullable<RuleCheckDef['params']>;
export type RuleCheck = (params: Params, ctx: RuleContext) => LocalizedText | undefined;

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const param = (p: Params, key: string): string => String(p[key] ?? '');
const numParam = (p: Params, key: string, fallback: number): number => {
  const v = Number(p[key]);
  return Number.isFinite(v) ? v : fallback;
};

export const RULE_CHECKS: Record<string, RuleCheck> = {
  INCREASE_TOTAL: (p, { fields }) => {
    const existing = num(fields[param(p, 'existingField')]);
    const added = num(fields[param(p, 'addedField')]);
    if (existing === undefined || added === undefined) return undefined;
    const r = checkIncreaseTotal(existing, added, {
      requireStandard: p['requireStandard'] === true,
    });
    return r.ok ? undefined : r.reason;
  },

  MAX_TOTAL: (p, { fields }) => {
    const values = param(p, 'fields')
      .split(',')
      .map((k) => num(fields[k.trim()]));
    if (values.some((v) => v === undefined)) return undefined;
    const max = numParam(p, 'max', Infinity);
    const total = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    return total > max
      ? t(`总容量不能超过${max} kVA`, `Total capacity must not exceed ${max} kVA`)
      : undefined;
  },

  MIN_DAYS: (p, { fields }) => {
    const days = num(fields[param(p, 'field')]);
    const min = numParam(p, 'minDays', 0);
    if (days === undefined || days >= min) return undefined;
    return t(`每次不得少于${min}天`, `Must last at least ${min} days`);
  },

  MAX_PER_YEAR: (p, { fields }) => {
    const done = num(fields[param(p, 'countField')]);
    const max = numParam(p, 'maxTimes', Infinity);
    if (done === undefined || done < max) return undefined;
    return t(`本日历年已达${max}次上限`, `The limit of ${max} times this calendar year is reached`);
  },

  ADVANCE_NOTICE: (p, { fields, now }) => {
    const date = str(fields[param(p, 'field')]);
    if (date === undefined) return undefined;
    const days = numParam(p, 'workingDays', 0);
    const earliest = addWorkingDays(hallDate(now), days);
    if (date >= earliest) return undefined;
    return t(
      `须提前${days}个工作日申请，开始日期不得早于${earliest}`,
      `Must be requested ${days} working days ahead: start on ${earliest} or later`,
    );
  },

  CHARGES_SETTLED: (p, { fields }) => {
    const v = fields[param(p, 'field')];
    if (v === undefined || v === null || v === '') return undefined;
    return v === 'yes' || v === true
      ? undefined
      : t('电费未结清，须先结清电费', 'Charges are not settled; settle them first');
  },

  EQUIPMENT_UNCHANGED: (p, { fields }) => {
    const v = fields[param(p, 'field')];
    if (v === undefined || v === null || v === '') return undefined;
    return v === 'yes' || v === true
      ? undefined
      : t(
          '用电设备有变化，不能办理改类，请办理新装或增容',
          'Equipment changes: not a class change; apply for a new connection or increase',
        );
  },

  REFUND_ACCOUNT_HOLDER: (p, { fields }) => {
    const account = str(fields[param(p, 'field')]);
    const holder = str(fields[param(p, 'holderField')]);
    if (account === undefined || holder === undefined || account === holder) return undefined;
    return t('退费账户户名须与户名一致', "The refund account must be in the holder's name");
  },

  VALUES_DIFFER: (p, { fields }) => {
    const a = fields[param(p, 'a')];
    const b = fields[param(p, 'b')];
    if (a === undefined || a === null || b === undefined || b === null) return undefined;
    return String(a) === String(b)
      ? t('新旧取值相同，无需办理', 'The new value is the same as the current one')
      : undefined;
  },

  LESS_THAN: (p, { fields }) => {
    const a = num(fields[param(p, 'field')]);
    const b = num(fields[param(p, 'than')]);
    if (a === undefined || b === undefined || a < b) return undefined;
    return t('减少的容量须小于现有容量', 'The reduction must be less than the current capacity');
  },
};

export const isKnownRule = (code: string): boolean =>
  Object.prototype.hasOwnProperty.call(RULE_CHECKS, code);
