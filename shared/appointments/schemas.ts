import { z } from 'zod';
import { LocalizedTextSchema } from '../api/schemas';
import { ServiceCodeSchema } from '../queue/schemas';

/**
 * Appointments (预约): slots per queue service and hall day with a capacity, bookings with a
 * code, check-in that turns a booking into a 预约-priority ticket. JSON-safe shapes shared by the
 * stations, the hall hub and the online channels (docs/appointments.md).
 */

/** A hall day, YYYY-MM-DD (Asia/Shanghai). */
export const HallDaySchema = z.iso.date();

/** Minutes after hall midnight (06:00 = 360). Slots lie inside one hall day. */
export const MinuteOfDaySchema = z.number().int().min(0).max(1440);

/** Where a booking was made. */
export const BOOKING_CHANNELS = ['counter', 'guide', 'kiosk', 'online'] as const;
export const BookingChannelSchema = z.enum(BOOKING_CHANNELS);
export type BookingChannel = z.infer<typeof BookingChannelSchema>;

/**
 * booked → checked_in, or cancelled, or no_show (not checked in by the slot's end plus the
 * grace period). `late` is a mark on a checked-in booking (checked in after start + grace).
 */
export const BOOKING_STATES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export const BookingStateSchema = z.enum(BOOKING_STATES);
export type BookingState = z.infer<typeof BookingStateSchema>;

/** Six digits, read to the customer and typed back at check-in. */
export const BookingCodeSchema = z.string().regex(/^\d{6}$/);

export const SlotSchema = z.object({
  id: z.uuid(),
  day: HallDaySchema,
  serviceCode: z.string(),
  serviceName: LocalizedTextSchema,
  startMin: z.number().int(),
  endMin: z.number().int(),
  capacity: z.number().int(),
  /** Active bookings (booked or checked in): never more than capacity. */
  booked: z.number().int(),
});
export type Slot = z.infer<typeof SlotSchema>;

export const SlotInputSchema = z
  .object({
    day: HallDaySchema,
    serviceCode: ServiceCodeSchema,
    startMin: MinuteOfDaySchema,
    endMin: MinuteOfDaySchema,
    capacity: z.number().int().min(0).max(500),
  })
  .strict()
  .refine((s) => s.endMin > s.startMin, { path: ['endMin'], message: 'end_before_start' });
export type SlotInput = z.infer<typeof SlotInputSchema>;

/** What any screen shows of a booking: the phone only masked. */
export const BookingSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  day: HallDaySchema,
  slotId: z.uuid(),
  serviceCode: z.string(),
  serviceName: LocalizedTextSchema,
  startMin: z.number().int(),
  endMin: z.number().int(),
  phoneMasked: z.string(),
  channel: BookingChannelSchema,
  state: BookingStateSchema,
  late: z.boolean(),
  ticketId: z.uuid().nullable(),
  ticketNumber: z.string().nullable(),
  bookedAt: z.iso.datetime({ offset: true }),
  checkedInAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Booking = z.infer<typeof BookingSchema>;

export const AppointmentSettingsSchema = z
  .object({
    /** Minutes after a slot's start a customer still counts as on time (and after its end before no-show). */
    graceMinutes: z.number().int().min(0).max(120),
    /** How many days ahead a slot may be booked (today counts as 0). */
    bookAheadDays: z.number().int().min(0).max(60),
  })
  .strict();
export type AppointmentSettings = z.infer<typeof AppointmentSettingsSchema>;
export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  graceMinutes: 15,
  bookAheadDays: 14,
};

/** Today's figures for the supervisor's dashboard. */
export const AppointmentFiguresSchema = z.object({
  day: HallDaySchema,
  capacity: z.number().int(),
  booked: z.number().int(),
  checkedIn: z.number().int(),
  late: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  /** Booked, not checked in, still within the time rules. */
  waiting: z.number().int(),
});
export type AppointmentFigures = z.infer<typeof AppointmentFiguresSchema>;

/** 540 → "09:00" (a slot's minutes after hall midnight, as the screens show them). */
export const minutesText = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** "09:00" → 540; anything else → null. */
export function minutesOf(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h <= 24 && m < 60 && h * 60 + m <= 1440 ? h * 60 + m : null;
}
