import { t } from '../text';
import { checkIncreaseTotal } from '../validators/capacity';
import type { RuleCheck } from './rule-context';
import { isGiven, isYes, num, numParam, param, str } from './rule-context';
import { PERIOD_CHECKS } from './rules-periods';
import { TRANSFORMER_CHECKS } from './rules-transformers';

export type { RuleCheck, RuleContext } from './rule-context';

/**
 * Business rule checks run on submit, after the fields passed their own checks. Each returns
 * the reason it fails, or undefined. A rule whose inputs are absent passes: the missing field
 * is reported by the required-field check instead. Messages carry the rule's figures (days,
 * limits), never a customer's value.
 */
export const RULE_CHECKS: Record<string, RuleCheck> = {
  ...PERIOD_CHECKS,
  ...TRANSFORMER_CHECKS,

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
    const unit = param(p, 'unit') || 'kVA';
    return total > max
      ? t(`总容量不能超过${max} ${unit}`, `Total capacity must not exceed ${max} ${unit}`)
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

  CHARGES_SETTLED: (p, { fields }) => {
    const v = fields[param(p, 'field')];
    if (!isGiven(v)) return undefined;
    return isYes(v)
      ? undefined
      : t('电费未结清，须先结清电费', 'Charges are not settled; settle them first');
  },

  SAME_SUPPLY_POINT: (p, { fields }) => {
    const v = fields[param(p, 'field')];
    if (!isGiven(v)) return undefined;
    return isYes(v)
      ? undefined
      : t(
          '不在同一供电点，不能并户',
          'Not on the same supply point: the accounts cannot be merged',
        );
  },

  /** 并户: the merged account's capacity is not above the sum of the accounts merged. */
  NOT_ABOVE_SUM: (p, { fields }) => {
    const value = num(fields[param(p, 'field')]);
    const parts = param(p, 'sumOf')
      .split(',')
      .map((k) => num(fields[k.trim()]));
    if (value === undefined || parts.some((v) => v === undefined)) return undefined;
    const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
    return value > sum
      ? t(
          `并户后容量不得超过各户容量之和（${sum}）`,
          `The merged capacity must not exceed the sum of the accounts (${sum})`,
        )
      : undefined;
  },

  EQUIPMENT_UNCHANGED: (p, { fields }) => {
    const v = fields[param(p, 'field')];
    if (!isGiven(v)) return undefined;
    return isYes(v)
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

  /**
   * `a` and `b` name fields pairwise (comma lists of one length, e.g. the holder's certificate
   * field per account kind); a pair with both values given must differ. `sameZh`/`sameEn` say
   * what a match means; the values themselves never appear (they may be personal data).
   */
  VALUES_DIFFER: (p, { fields }) => {
    const keysB = param(p, 'b').split(',');
    const same = param(p, 'a')
      .split(',')
      .some((keyA, i) => {
        const a = fields[keyA.trim()];
        const b = fields[keysB[i]?.trim() ?? ''];
        if (a === undefined || a === null || b === undefined || b === null) return false;
        return String(a) === String(b);
      });
    if (!same) return undefined;
    return param(p, 'sameZh')
      ? t(param(p, 'sameZh'), param(p, 'sameEn'))
      : t('新旧取值相同，无需办理', 'The new value is the same as the current one');
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
