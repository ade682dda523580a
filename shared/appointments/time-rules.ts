import { DAY_MS, hallDate, hallMinutes } from '../hall-time';
import type { AppointmentSettings } from './schemas';

/**
 * The time rules of a booking, in hall time (docs/appointments.md "Late and no-show"):
 * - on time: checked in before the slot's start plus the grace period;
 * - late: checked in after that (still checked in, marked late, no appointment priority);
 * - no-show: not checked in by the slot's end plus the grace period (or on a later hall day).
 */
export interface SlotTimes {
  day: string;
  startMin: number;
  endMin: number;
}

/** Minutes into `day` at `now`: negative before it, beyond 1440 after it. */
function minutesInto(day: string, now: number): number {
  const today = hallDate(now);
  if (today === day) return hallMinutes(now);
  return today < day ? -1 : Number.POSITIVE_INFINITY;
}

export const isLate = (slot: SlotTimes, now: number, rules: AppointmentSettings): boolean =>
  minutesInto(slot.day, now) > slot.startMin + rules.graceMinutes;

export const isNoShow = (slot: SlotTimes, now: number, rules: AppointmentSettings): boolean =>
  minutesInto(slot.day, now) > slot.endMin + rules.graceMinutes;

/**
 * The days the kiosk's 预约 offers: today and the next six hall days (a demo hall publishes slots
 * for the same days).
 */
export const KIOSK_BOOKING_DAYS = 7;

export const kioskBookingDays = (now: number): string[] =>
  Array.from({ length: KIOSK_BOOKING_DAYS }, (_, i) => hallDate(now + i * DAY_MS));

/** A slot can be booked until it ends, from today up to `bookAheadDays` ahead. */
export function bookable(slot: SlotTimes, now: number, rules: AppointmentSettings): boolean {
  const today = hallDate(now);
  if (slot.day < today) return false;
  const ahead = (Date.parse(slot.day) - Date.parse(today)) / 86_400_000;
  if (ahead > rules.bookAheadDays) return false;
  return minutesInto(slot.day, now) < slot.endMin;
}

/** The hall minutes of the cut-off for no-shows: rows whose end + grace is before this. */
export const noShowCutoff = (now: number, rules: AppointmentSettings): number =>
  hallMinutes(now) - rules.graceMinutes;
