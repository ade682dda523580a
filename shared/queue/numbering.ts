/**
 * Ticket numbers: service prefix + a number per hall day (A001), reset at hall midnight
 * (see `hallDate` in shared/hall-time.ts).
 */

/** A001 .. A999, then A1000: at least three digits, so numbers read the same all day. */
export const ticketNumber = (prefix: string, seq: number): string =>
  `${prefix}${String(seq).padStart(3, '0')}`;

/**
 * A ticket issued while the shared queue cannot be reached: the station code keeps it apart
 * from the hall's own numbers (G01-A001), so two stations offline at once never clash.
 */
export const offlineTicketNumber = (station: string, prefix: string, seq: number): string =>
  `${station}-${ticketNumber(prefix, seq)}`;
