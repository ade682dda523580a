import { addCalendarDays, addWorkingDays, DEFAULT_CALENDAR } from '../deadline/calendar';
import { hallDate } from '../hall-time';
import { t } from '../text';
import type { RuleCheck } from './rule-context';
import { num, numParam, param, str } from './rule-context';

/**
 * Rules about dates and periods: notice before a date, the longest a temporary change may last,
 * and how long after a change its restore is still a restore. Dates are hall dates YYYY-MM-DD.
 */

/** The same day `months` calendar months later, clamped to the month's end (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** "10:2,35:3" → the figure for a voltage (kV), or undefined when the voltage is not listed. */
export function figureFor(table: string, key: string): number | undefined {
  for (const pair of table.split(',')) {
    const [k, v] = pair.split(':').map((s) => s.trim());
    if (k === key && v !== undefined && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

export const PERIOD_CHECKS: Record<string, RuleCheck> = {
  /**
   * The start date must be at least N days after today: working days on the hall's calendar
   * (loaded years included), or calendar days when `calendarDays` is set (迁址: 五天前).
   */
  ADVANCE_NOTICE: (p, { fields, now, calendar }) => {
    const date = str(fields[param(p, 'field')]);
    if (date === undefined) return undefined;
    const today = hallDate(now);
    if (p['calendarDays'] === true) {
      const days = numParam(p, 'days', 0);
      const earliest = addCalendarDays(today, days);
      if (date >= earliest) return undefined;
      return t(
        `须提前${days}天申请，日期不得早于${earliest}`,
        `Must be requested ${days} days ahead: on ${earliest} or later`,
      );
    }
    const days = numParam(p, 'workingDays', 0);
    const earliest = addWorkingDays(today, days, calendar ?? DEFAULT_CALENDAR);
    if (date >= earliest) return undefined;
    return t(
      `须提前${days}个工作日申请，开始日期不得早于${earliest}`,
      `Must be requested ${days} working days ahead: start on ${earliest} or later`,
    );
  },

  /** From `from` to `to` (both dates) lasts at most N months; N may depend on the voltage. */
  MAX_MONTHS: (p, { fields }) => {
    const from = str(fields[param(p, 'from')]);
    const to = str(fields[param(p, 'to')]);
    if (from === undefined || to === undefined) return undefined;
    if (to <= from) return t('结束日期须晚于开始日期', 'The end date must be after the start date');
    const byVoltage = param(p, 'monthsByVoltage');
    const voltage = str(fields[param(p, 'voltageField')]);
    const months =
      byVoltage !== '' && voltage !== undefined
        ? figureFor(byVoltage, voltage)
        : numParam(p, 'months', NaN);
    if (months === undefined || !Number.isFinite(months)) return undefined;
    const latest = addMonths(from, months);
    if (to <= latest) return undefined;
    return t(
      `最长${months}个月，结束日期不得晚于${latest}`,
      `At most ${months} months: end on ${latest} or earlier`,
    );
  },

  /**
   * A restore is a restore only within N months of the change it undoes (复装 within 6 months of
   * 暂拆, 减容恢复 within 2 years); later it is a new application of another type.
   */
  WITHIN_MONTHS_OF: (p, { fields }) => {
    const since = str(fields[param(p, 'since')]);
    const on = str(fields[param(p, 'on')]);
    if (since === undefined || on === undefined) return undefined;
    const months = numParam(p, 'months', Infinity);
    const latest = addMonths(since, months);
    if (on <= latest) return undefined;
    return param(p, 'after') === 'new_or_increase'
      ? t(
          `已超过${months}个月期限（${latest}），须按新装或增容办理`,
          `Past the ${months}-month limit (${latest}): apply for a new connection or an increase`,
        )
      : t(
          `已超过${months}个月期限（${latest}），须按新装办理`,
          `Past the ${months}-month limit (${latest}): apply for a new connection`,
        );
  },

  /** Days this time plus days already this calendar year stay within the yearly total. */
  YEAR_TOTAL_DAYS: (p, { fields }) => {
    const days = num(fields[param(p, 'field')]);
    const done = num(fields[param(p, 'doneField')]);
    if (days === undefined || done === undefined) return undefined;
    const max = numParam(p, 'maxDays', Infinity);
    if (days + done <= max) return undefined;
    return t(
      `本日历年累计不得超过${max}天，本次最多还可${Math.max(0, max - done)}天`,
      `At most ${max} days in a calendar year: ${Math.max(0, max - done)} days left this year`,
    );
  },
};
