import type { Slot } from '../../../../shared/appointments/schemas';
import { DAY_MS, hallDate, hallMinutes } from '../../../../shared/hall-time';

/** The kiosk's booking window: today and the next six hall days. */
export const KIOSK_BOOKING_DAYS = 7;

export const kioskBookingDays = (now: number): string[] =>
  Array.from({ length: KIOSK_BOOKING_DAYS }, (_, i) => hallDate(now + i * DAY_MS));

/**
 * The slots a customer can still book: places left and not over yet (a slot of today that has
 * ended would only be refused by the hub).
 */
export function openSlots(slots: readonly Slot[], now: number): Slot[] {
  const today = hallDate(now);
  const minute = hallMinutes(now);
  return slots.filter(
    (s) => s.booked < s.capacity && (s.day > today || (s.day === today && s.endMin > minute)),
  );
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
