import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { weekdayOf } from '../../../../../shared/deadline/calendar';
import type { CalendarYear } from '../../../../../shared/deadline/calendar';
import type { HolidayPeriod } from '../../../../../shared/deadline/calendar-year';

/**
 * The supervisor's holiday form for one year: named holidays as date ranges and 调休 make-up
 * working days, checked row by row, turned into the calendar year the services take
 * (settings.loadCalendarYear) and read back from one.
 */

export interface PeriodRow {
  name: string;
  /** [from, to] as YYYY-MM-DD, or null while not chosen. */
  range: [string, string] | null;
}

export interface HolidayFormValue {
  year: number;
  periods: PeriodRow[];
  /** YYYY-MM-DD, or null while not chosen. */
  workdays: (string | null)[];
}

/** What is wrong with a row: an i18n key under `holidays.errors` (and its values). */
export interface RowError {
  key: string;
  values?: Record<string, string | number>;
}

export interface FormErrors {
  periods: (RowError | null)[];
  workdays: (RowError | null)[];
  /** Nothing in the year at all. */
  empty: boolean;
}

const DAY_MS = 86_400_000;

const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every date from `from` to `to`, both included. */
export function datesIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = toDay(from); d <= toDay(to); d++) out.push(fromDay(d));
  return out;
}

const inYear = (date: string, year: number) => date.startsWith(`${year}-`);
const NAME_MAX = 20;

export function validateHolidayForm(form: HolidayFormValue): FormErrors {
  const periods = form.periods.map((row, i): RowError | null => {
    if (!row.name.trim()) return { key: 'nameRequired' };
    if (row.name.trim().length > NAME_MAX) return { key: 'nameTooLong', values: { n: NAME_MAX } };
    if (!row.range) return { key: 'rangeRequired' };
    const [from, to] = row.range;
    if (!inYear(from, form.year) || !inYear(to, form.year))
      return { key: 'outsideYear', values: { year: form.year } };
    if (from > to) return { key: 'reversed' };
    const other = form.periods.findIndex(
      (o, j) => j !== i && o.range !== null && o.range[0] <= to && from <= o.range[1],
    );
    if (other >= 0) return { key: 'overlap', values: { name: form.periods[other]?.name ?? '' } };
    return null;
  });
  const off = new Set(
    form.periods.flatMap((p) => (p.range && p.range[0] <= p.range[1] ? datesIn(...p.range) : [])),
  );
  const workdays = form.workdays.map((date, i): RowError | null => {
    if (!date) return { key: 'dateRequired' };
    if (!inYear(date, form.year)) return { key: 'outsideYear', values: { year: form.year } };
    if (form.workdays.indexOf(date) !== i) return { key: 'duplicate' };
    if (off.has(date)) return { key: 'workdayInHoliday' };
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) return { key: 'notWeekend' };
    return null;
  });
  return { periods, workdays, empty: form.periods.length === 0 && form.workdays.length === 0 };
}

export const hasErrors = (errors: FormErrors): boolean =>
  errors.empty || [...errors.periods, ...errors.workdays].some((e) => e !== null);

/** The calendar year the services take; call only when the form has no errors. */
export function toCalendarYear(
  form: HolidayFormValue,
): CalendarYear & { periods: HolidayPeriod[] } {
  const periods = form.periods
    .filter((p): p is PeriodRow & { range: [string, string] } => p.range !== null)
    .map((p) => ({ name: p.name.trim(), from: p.range[0], to: p.range[1] }))
    .sort((a, b) => a.from.localeCompare(b.from));
  const holidays = [...new Set(periods.flatMap((p) => datesIn(p.from, p.to)))].sort();
  const workdays = [...new Set(form.workdays.filter((d): d is string => !!d))].sort();
  return { year: form.year, holidays, workdays, periods };
}

/** Consecutive dates as [from, to] runs. */
function runs(dates: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const date of [...dates].sort()) {
    const last = out.at(-1);
    if (last && toDay(date) === toDay(last[1]) + 1) last[1] = date;
    else out.push([date, date]);
  }
  return out;
}

/**
 * A stored year back into the form. Years entered before names were kept (or loaded as data)
 * get one row per run of consecutive days, named `unnamed`.
 */
export function fromCalendarYear(
  year: CalendarYear & { periods?: HolidayPeriod[] | undefined },
  unnamed: string,
): HolidayFormValue {
  const periods: PeriodRow[] = year.periods?.length
    ? year.periods.map((p) => ({ name: p.name, range: [p.from, p.to] }))
    : runs(year.holidays).map((range) => ({ name: unnamed, range }));
  return { year: year.year, periods, workdays: [...year.workdays].sort() };
}

/** The State Council notice as bundled with the app (chinese-days), with the Chinese names. */
export function bundledYear(year: number): HolidayFormValue | null {
  const prefix = `${year}-`;
  const named = (map: Record<string, string>) =>
    Object.entries(map)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, label]) => ({ date, name: label.split(',')[1] ?? '' }))
      .sort((a, b) => a.date.localeCompare(b.date));
  const holidays = named(calendarData.holidays as Record<string, string>);
  if (holidays.length === 0) return null;
  const periods: PeriodRow[] = [];
  for (const { date, name } of holidays) {
    const last = periods.at(-1);
    if (last?.range && last.name === name && toDay(date) === toDay(last.range[1]) + 1)
      last.range[1] = date;
    else periods.push({ name, range: [date, date] });
  }
  const workdays = named(calendarData.workdays as Record<string, string>).map((w) => w.date);
  return { year, periods, workdays };
}
