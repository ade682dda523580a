import { DEFAULT_CALENDAR, type WorkingCalendar } from './calendar';
import { computeDeadline, DEFAULT_WORKING_HOURS, type WorkingHours } from './deadline';
import { hallDate } from '../hall-time';

/**
 * A deadline counted across a year whose holiday notice nobody has loaded is only provisional:
 * that year's days fall back to Monday to Friday, and the State Council's notice (New Year,
 * Spring Festival, 调休) may move the date. The counter shows it as provisional, the receipt says
 * so, and the supervisor is asked to load the year.
 */

/** Years from `from` to `to` (hall dates, inclusive) the calendar has no notice for. */
export function uncoveredYears(
  from: string,
  to: string,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const out: number[] = [];
  for (let y = Math.min(first, last); y <= Math.max(first, last); y++)
    if (!cal.covers(y)) out.push(y);
  return out;
}

export interface ComputedDeadline {
  deadlineAt: Date;
  /** True when the count crossed a year the calendar does not cover. */
  provisional: boolean;
  /** The years to load to make it final (empty when not provisional). */
  uncoveredYears: number[];
}

/** computeDeadline, saying whether the date is final or provisional. */
export function computeDeadlineInfo(
  acceptedAt: Date,
  workingDays: number,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): ComputedDeadline {
  const deadlineAt = computeDeadline(acceptedAt, workingDays, hours, cal);
  const years = uncoveredYears(hallDate(acceptedAt), hallDate(deadlineAt), cal);
  return { deadlineAt, provisional: years.length > 0, uncoveredYears: years };
}

/** Is a stored deadline (accepted at `acceptedAt`) provisional on this calendar? */
export const isProvisional = (
  acceptedAt: Date | number,
  deadlineAt: Date | number,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): boolean => uncoveredYears(hallDate(acceptedAt), hallDate(deadlineAt), cal).length > 0;
