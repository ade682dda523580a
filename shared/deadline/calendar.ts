// The package's own isWorkday builds its date keys from UTC-parsed strings read back with local
// getters, so west of UTC every day shifts by one. Its published data file has no such problem.
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * Working-day calendar of mainland China: weekends, public holidays and 调休 make-up working days.
 * The bundled data comes from chinese-days (State Council notices up to CALENDAR_DATA_LAST_YEAR);
 * a newer year's notice can be loaded as data (settings or the central system) with
 * createCalendar(..., extraYears). Years nobody has loaded fall back to plain Monday-Friday, and
 * `covers(year)` says so, so the UI can warn.
 * Dates are hall-calendar dates as 'YYYY-MM-DD' strings, never Date objects, so the process
 * time zone cannot shift them.
 */

/** One year's official notice: days off and weekend days that are working days (调休). */
export interface CalendarYear {
  year: number;
  holidays: string[];
  /** 调休: weekend days that are working days. */
  workdays: string[];
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** Is this year's holiday notice known (bundled or loaded)? */
  covers(year: number): boolean;
  /** Years with loaded (not bundled) data, ascending. */
  readonly loadedYears: readonly number[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError('date must be YYYY-MM-DD');
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const BUNDLED_HOLIDAYS = Object.keys(calendarData.holidays);
const BUNDLED_WORKDAYS = Object.keys(calendarData.workdays);

/** Last calendar year the bundled holiday data covers. */
export const CALENDAR_DATA_LAST_YEAR = Math.max(
  ...BUNDLED_HOLIDAYS.map((k) => Number(k.slice(0, 4))),
);
const BUNDLED_FIRST_YEAR = Math.min(...BUNDLED_HOLIDAYS.map((k) => Number(k.slice(0, 4))));

/**
 * Calendars made by createCalendar never change their answers (a new setting makes a new
 * calendar), so the working-day sums counted on them are kept: a submit's deadline and the
 * warning bounds count the same few days over and over. Other calendars are counted each time.
 */
const sums = new WeakMap<WorkingCalendar, Map<string, string>>();
/** Dates × counts a hall asks for stay in the hundreds; the bound is for a caller that loops. */
const SUMS_KEPT = 4096;

function fixed(cal: WorkingCalendar): WorkingCalendar {
  sums.set(cal, new Map());
  return cal;
}

/**
 * A calendar from the bundled data plus loaded years. A loaded year replaces the bundled data
 * for that whole year (a later notice supersedes), so a correction is possible too.
 */
export function createCalendar(extraYears: readonly CalendarYear[] = []): WorkingCalendar {
  const replaced = new Set(extraYears.map((y) => y.year));
  const keep = (d: string) => !replaced.has(Number(d.slice(0, 4)));
  const holidays = new Set(BUNDLED_HOLIDAYS.filter(keep));
  const workdays = new Set(BUNDLED_WORKDAYS.filter(keep));
  for (const y of extraYears) {
    for (const d of y.holidays) holidays.add(d);
    for (const d of y.workdays) workdays.add(d);
  }
  const cache = new Map<string, boolean>();
  return fixed({
    loadedYears: [...replaced].sort((a, b) => a - b),
    covers: (year) =>
      replaced.has(year) || (year >= BUNDLED_FIRST_YEAR && year <= CALENDAR_DATA_LAST_YEAR),
    isWorkingDay(date) {
      const hit = cache.get(date);
      if (hit !== undefined) return hit;
      const weekday = weekdayOf(date);
      const working = workdays.has(date) || (weekday >= 1 && weekday <= 5 && !holidays.has(date));
      cache.set(date, working);
      return working;
    },
  });
}

/** The bundled calendar: what every function here uses unless given another. */
export const DEFAULT_CALENDAR: WorkingCalendar = createCalendar();

/** On the bundled calendar (one argument, so `dates.map(isWorkingDay)` stays safe). */
export function isWorkingDay(date: string): boolean {
  return DEFAULT_CALENDAR.isWorkingDay(date);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkingCalendar = DEFAULT_CALENDAR): string {
  let d = addCalendarDays(date, 1);
  while (!cal.isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/** The Nth working day strictly after `date` (n = 0 returns `date` itself). */
export function addWorkingDays(
  date: string,
  n: number,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): string {
  const kept = sums.get(cal);
  const key = `${date}+${n}`;
  const hit = kept?.get(key);
  if (hit !== undefined) return hit;
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, cal);
  if (kept) {
    if (kept.size >= SUMS_KEPT) kept.clear();
    kept.set(key, d);
  }
  return d;
}

/** Working days in (from, to]: how many working days must pass to get from `from` to `to`. */
export function workingDaysBetween(
  from: string,
  to: string,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): number {
  if (to === from) return 0;
  if (to < from) return -workingDaysBetweenPositive(to, from, cal);
  return workingDaysBetweenPositive(from, to, cal);
}

function workingDaysBetweenPositive(from: string, to: string, cal: WorkingCalendar): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (cal.isWorkingDay(d)) count++;
  }
  return count;
}
