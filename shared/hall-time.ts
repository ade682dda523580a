/**
 * Hall time: the one place that knows the hall's clock. The hall is in Asia/Shanghai, UTC+8 all
 * year (China has had no daylight saving since 1991), so a fixed offset is exact, needs no time
 * zone database and gives the same answer whatever the process time zone is.
 *
 * Every function takes an instant as a Date or as epoch milliseconds.
 */
export const HALL_TIME_ZONE = 'Asia/Shanghai';
export const HALL_OFFSET_MINUTES = 8 * 60;
/** The hall offset in milliseconds (also usable inside SQL that groups by hall day). */
export const HALL_OFFSET_MS = HALL_OFFSET_MINUTES * 60_000;
export const DAY_MS = 86_400_000;

type Instant = Date | number;
const ms = (at: Instant): number => (typeof at === 'number' ? at : at.getTime());
const shifted = (at: Instant): Date => new Date(ms(at) + HALL_OFFSET_MS);

/** The hall calendar date of an instant, 'YYYY-MM-DD'. */
export const hallDate = (at: Instant): string => shifted(at).toISOString().slice(0, 10);

/** The hall calendar date of an instant, 'YYYYMMDD' (application and complaint numbers). */
export const hallDateCompact = (at: Instant): string => hallDate(at).replaceAll('-', '');

/** Minutes since hall midnight of an instant (fractional: seconds count). */
export function hallMinutes(at: Instant): number {
  const s = shifted(at);
  return s.getUTCHours() * 60 + s.getUTCMinutes() + s.getUTCSeconds() / 60;
}

/** The instant of a hall date ('YYYY-MM-DD') at a given minute of the day. */
export function hallInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - HALL_OFFSET_MS + minutes * 60_000);
}

/** Epoch ms of 00:00 hall time on a hall date ('YYYY-MM-DD'). */
export const hallDayStart = (date: string): number => hallInstant(date, 0).getTime();

/** Epoch ms of 00:00 hall time on the day after a hall date: an exclusive upper bound. */
export const hallDayEnd = (date: string): number => hallDayStart(date) + DAY_MS;

/** ISO 8601 with the hall offset, e.g. "2025-10-09T17:30:00.000+08:00": what the API carries. */
export const toHallIso = (at: Instant): string => shifted(at).toISOString().replace('Z', '+08:00');
