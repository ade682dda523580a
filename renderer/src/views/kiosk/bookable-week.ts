import type { Slot } from '../../../../shared/appointments/schemas';
import { bookable, KIOSK_BOOKING_DAYS } from '../../../../shared/appointments/time-rules';

/** The hub's own booking rule over the kiosk's window (no grace: it only marks lateness). */
const KIOSK_WINDOW_RULES = { graceMinutes: 0, bookAheadDays: KIOSK_BOOKING_DAYS - 1 };

/**
 * The slots a customer can still book: places left and not over yet (a slot of today that has
 * ended would only be refused by the hub).
 */
export function openSlots(slots: readonly Slot[], now: number): Slot[] {
  return slots.filter((s) => s.booked < s.capacity && bookable(s, now, KIOSK_WINDOW_RULES));
}

/**
 * What the kiosk's 预约 opens on, from each day's slots: the first day with an open slot, or
 * `none` when not one slot of the window is open (the screen then says so instead of offering
 * days that lead nowhere).
 */
export function firstOpenDay(
  week: Readonly<Record<string, readonly Slot[]>>,
  days: readonly string[],
  now: number,
): string | 'none' {
  return days.find((d) => openSlots(week[d] ?? [], now).length > 0) ?? 'none';
}
