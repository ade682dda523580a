// The package's own isWorkday builds its date keys from UTC-parsed strings read back with local
// getters, so west of UTC every day shifts by one. Its published data file has no such problem.
import calendarData from 'chinese-days/dist/chinese-days.json';

/**
 * Working-day calendar of mainland China: weekends, public holidays and 调休 make-up working days
 * from the chinese-days data (State Council notices up to CALENDAR_DATA_LAST_YEAR; later years
 * fall back to plain Monday-Friday until the package is updated).
 * Dates are hall-calendar dates as 'YYYY-MM-DD' strings, never Date objects, so the process
 * time zone cannot shift them.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const cache = new Map<string, boolean>();
const HOLIDAYS = new Set(Object.keys(calendarData.holidays));
/** 调休: weekend days that are working days. */
const MAKE_UP_WORKDAYS = new Set(Object.keys(calendarData.workdays));

/** Last calendar year the bundled holiday data covers. */
export const CALENDAR_DATA_LAST_YEAR = Math.max(
  ...Object.keys(calendarData.holidays).map((k) => Number(k.slice(0, 4))),
);

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError('date must be YYYY-MM-DD');
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isWorkingDay(date: string): boolean {
  const hit = cache.get(date);
  if (hit !== undefined) return hit;
  const [y, m, d] = parts(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const working =
    MAKE_UP_WORKDAYS.has(date) || (weekday >= 1 && weekday <= 5 && !HOLIDAYS.has(date));
  cache.set(date, working);
  return working;
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let d = addCalendarDays(date, 1);
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/** The Nth working day strictly after `date` (n = 0 returns `date` itself). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d);
  return d;
}

/** Working days in (from, to]: how many working days must pass to get from `from` to `to`. */
export function workingDaysBetween(from: string, to: string): number {
  if (to === from) return 0;
  if (to < from) return -workingDaysBetweenPositive(to, from);
  return workingDaysBetweenPositive(from, to);
}

function workingDaysBetweenPositive(from: string, to: string): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d)) count++;
  }
  return count;
}
