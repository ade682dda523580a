import {
  addWorkingDays,
  DEFAULT_CALENDAR,
  nextWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from './calendar';
import { hallDate, hallInstant, hallMinutes } from '../hall-time';

/** Counter opening hours, hall time 'HH:MM'. A setting: halls differ. */
export interface WorkingHours {
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:30', end: '17:30' };

function toMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) throw new RangeError('working hours must be HH:MM');
  return h * 60 + min;
}

/**
 * The day the clock is taken to start from. Accepted on a working day before closing time:
 * that day. Accepted after closing time or on a non-working day: the next working day, as if
 * the customer had come then (docs/domain.md: such acceptances start the next working day).
 */
export function effectiveAcceptanceDay(
  acceptedAt: Date,
  hours = DEFAULT_WORKING_HOURS,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): string {
  const day = hallDate(acceptedAt);
  const end = toMinutes(hours.end);
  if (cal.isWorkingDay(day) && hallMinutes(acceptedAt) < end) return day;
  return nextWorkingDay(day, cal);
}

/**
 * Deadline of a commitment of `workingDays` working days.
 *
 * Counting: the acceptance day itself is day 0 and the next working day is day 1, as with
 * periods in the Civil Code (art. 201: the starting day is not counted). The deadline is closing
 * time (default 17:30 +08:00) of the Nth working day after the effective acceptance day.
 * So 5 working days from Monday 10:00 ends Monday next week 17:30 when no holiday intervenes.
 * With workingDays = 0 the deadline is closing time of the effective acceptance day.
 */
export function computeDeadline(
  acceptedAt: Date,
  workingDays: number,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError('workingDays must be a non-negative integer');
  if (toMinutes(hours.start) >= toMinutes(hours.end))
    throw new RangeError('working hours must start before they end');
  const start = effectiveAcceptanceDay(acceptedAt, hours, cal);
  return hallInstant(addWorkingDays(start, workingDays, cal), toMinutes(hours.end));
}

export type Locale = 'zh' | 'en' | 'zh-CN' | 'en-US' | string;
const isZh = (locale: Locale): boolean => locale.toLowerCase().startsWith('zh');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Wall-clock time to (or past) a deadline for a list column: "剩2天3小时" / "2d 3h left",
 * "已超1天" / "1d overdue". Under an hour shows minutes.
 */
export function formatRemaining(deadline: Date, now: Date, locale: Locale): string {
  const zh = isZh(locale);
  const diff = deadline.getTime() - now.getTime();
  const ms = Math.abs(diff);
  const days = Math.floor(ms / DAY);
  const hrs = Math.floor((ms % DAY) / HOUR);
  const mins = Math.floor((ms % HOUR) / 60_000);
  if (diff >= 0) {
    if (days > 0) return zh ? `剩${days}天${hrs}小时` : `${days}d ${hrs}h left`;
    if (hrs > 0) return zh ? `剩${hrs}小时` : `${hrs}h left`;
    return zh ? `剩${mins}分钟` : `${mins}m left`;
  }
  if (days > 0) return zh ? `已超${days}天` : `${days}d overdue`;
  if (hrs > 0) return zh ? `已超${hrs}小时` : `${hrs}h overdue`;
  return zh ? `已超${Math.max(1, mins)}分钟` : `${Math.max(1, mins)}m overdue`;
}

/** docs/domain.md warnings: yellow = one working day left, orange = due today, red = overdue. */
export type DeadlineWarning = 'none' | 'yellow' | 'orange' | 'red';

/**
 * When a deadline turns orange and yellow, in working days still to pass before the due day
 * (0 = due today). A setting: docs/domain.md's defaults are orange 0, yellow 1.
 */
export interface WarningThresholds {
  orangeWorkingDays: number;
  yellowWorkingDays: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  orangeWorkingDays: 0,
  yellowWorkingDays: 1,
};

export interface WarningOptions {
  thresholds?: WarningThresholds;
  calendar?: WorkingCalendar;
}

export function deadlineWarning(
  deadline: Date,
  now: Date,
  opts: WarningOptions = {},
): DeadlineWarning {
  const t = opts.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const cal = opts.calendar ?? DEFAULT_CALENDAR;
  if (now.getTime() > deadline.getTime()) return 'red';
  const today = hallDate(now);
  const due = hallDate(deadline);
  if (due === today) return 'orange';
  const left = workingDaysBetween(today, due, cal);
  if (left <= t.orangeWorkingDays) return 'orange';
  return left <= t.yellowWorkingDays ? 'yellow' : 'none';
}

/**
 * The same warnings as instants, for a database range query on deadline_at:
 * red < `now` <= orange < `orangeBefore` <= yellow < `yellowBefore` <= none.
 * (Working days left is monotonic in the due day, so each level is one range: a due day has at
 * most N working days left exactly when it falls before the (N+1)th working day after today.)
 */
export interface WarningBounds {
  now: number;
  orangeBefore: number;
  yellowBefore: number;
}

export function warningBounds(now: Date, opts: WarningOptions = {}): WarningBounds {
  const t = opts.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const cal = opts.calendar ?? DEFAULT_CALENDAR;
  const today = hallDate(now);
  const orange = Math.max(t.orangeWorkingDays, 0);
  const yellow = Math.max(t.yellowWorkingDays, orange);
  return {
    now: now.getTime(),
    orangeBefore: hallInstant(addWorkingDays(today, orange + 1, cal), 0).getTime(),
    yellowBefore: hallInstant(addWorkingDays(today, yellow + 1, cal), 0).getTime(),
  };
}

/** The deadline_at range [from, to) of one warning level. */
export function warningRange(
  level: DeadlineWarning,
  b: WarningBounds,
): { from?: number; to?: number } {
  switch (level) {
    case 'red':
      return { to: b.now };
    case 'orange':
      return { from: b.now, to: b.orangeBefore };
    case 'yellow':
      return { from: b.orangeBefore, to: b.yellowBefore };
    default:
      return { from: b.yellowBefore };
  }
}
