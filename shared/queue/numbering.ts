/**
 * Ticket numbers: service prefix + a number per hall day (A001), reset at hall midnight
 * (Asia/Shanghai, UTC+8 all year, so a fixed offset is exact).
 */
const HALL_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The hall day of an instant, YYYY-MM-DD. */
export const hallDayOf = (epochMs: number): string =>
  new Date(epochMs + HALL_OFFSET_MS).toISOString().slice(0, 10);

/** Epoch ms of hall midnight starting `day` (YYYY-MM-DD). */
export const hallDayStartMs = (day: string): number => Date.parse(`${day}T00:00:00.000+08:00`);

/** A001 .. A999, then A1000: at least three digits, so numbers read the same all day. */
export const ticketNumber = (prefix: string, seq: number): string =>
  `${prefix}${String(seq).padStart(3, '0')}`;

/**
 * A ticket issued while the shared queue cannot be reached: the station code keeps it apart
 * from the hall's own numbers (G01-A001), so two stations offline at once never clash.
 */
export const offlineTicketNumber = (station: string, prefix: string, seq: number): string =>
  `${station}-${ticketNumber(prefix, seq)}`;

export const isOfflineNumber = (n: string): boolean => n.includes('-');
