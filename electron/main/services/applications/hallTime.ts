/**
 * Hall time is Asia/Shanghai: UTC+8 all year (no daylight saving since 1991), so a fixed
 * offset is exact and needs no time-zone database.
 */
const HALL_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `2025-03-01T09:30:00.000+08:00`: what the API carries. */
export function toHallIso(epochMs: number): string {
  return new Date(epochMs + HALL_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** `20250301`: the hall day of an instant, for application numbers. */
export function hallDayCompact(epochMs: number): string {
  return new Date(epochMs + HALL_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** Epoch ms of 00:00 hall time on an ISO date (YYYY-MM-DD). */
export function hallDayStart(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00.000+08:00`);
}

/** Epoch ms of 00:00 hall time on the day after an ISO date: an exclusive upper bound. */
export function hallDayEnd(isoDate: string): number {
  return hallDayStart(isoDate) + DAY_MS;
}
