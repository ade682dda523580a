/**
 * Hall time is Asia/Shanghai: UTC+8 all year (China has no daylight saving), so a fixed offset
 * is exact and the result does not depend on the process time zone.
 */
export const HALL_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = HALL_OFFSET_MINUTES * 60_000;

/** The hall calendar date of an instant, 'YYYY-MM-DD'. */
export const hallDate = (at: Date): string =>
  new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** Minutes since hall midnight of an instant. */
export function hallMinutes(at: Date): number {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60;
}

/** The instant of a hall date at a given minute of the day. */
export function hallInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minutes * 60_000);
}

/** ISO 8601 with the hall offset, e.g. "2025-10-09T17:30:00.000+08:00" (for receipts). */
export function toHallIso(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().replace('Z', '+08:00');
}
