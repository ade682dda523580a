import { z } from 'zod';
import { SYNC_ERROR_CODES } from '../sync/protocol';
import { IssuedTicketSchema } from '../queue/schemas';
import {
  AppointmentFiguresSchema,
  AppointmentSettingsSchema,
  BookingChannelSchema,
  BookingCodeSchema,
  BookingSchema,
  HallDaySchema,
  SlotInputSchema,
  SlotSchema,
} from './schemas';

/**
 * The hall hub's appointment endpoint: `POST /v1/appointments/<op>` with a device bearer token,
 * beside the queue (the booking is decided where the tickets are). The hall and station come
 * from the token. A device enrolled as an online channel (role `online`) may call only the
 * ops in ONLINE_OPS; stations call all of them (their roles are checked by the console).
 */
const Mobile = z.string().min(1).max(32);

/**
 * What a station keeps to check in with the hub down: per day a matching key, per booking the
 * slot, the masked phone and the match of phone + code (never the phone or the code).
 */
export const OfflineCopySchema = z.object({
  graceMinutes: z.number().int().min(0).max(120),
  days: z.array(z.object({ day: HallDaySchema, key: z.string().min(16).max(128) })),
  bookings: z.array(
    z.object({
      id: z.uuid(),
      day: HallDaySchema,
      slotId: z.uuid(),
      serviceCode: z.string(),
      startMin: z.number().int(),
      endMin: z.number().int(),
      phoneMasked: z.string(),
      channel: BookingChannelSchema,
      bookedAt: z.iso.datetime({ offset: true }),
      match: z.string().min(16).max(128),
      state: z.enum(['booked', 'checked_in']),
    }),
  ),
});
export type OfflineCopy = z.infer<typeof OfflineCopySchema>;

export const APPOINTMENT_OPS = {
  slots: {
    input: z.object({ day: HallDaySchema, serviceCode: z.string().max(16).optional() }).strict(),
    output: z.array(SlotSchema),
  },
  saveSlot: { input: z.object({ slot: SlotInputSchema }).strict(), output: SlotSchema },
  removeSlot: {
    input: z.object({ slotId: z.uuid() }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  book: {
    input: z
      .object({
        /** Client-made id: booking again with it (after a lost answer) returns the same booking. */
        requestId: z.uuid(),
        slotId: z.uuid(),
        mobile: Mobile,
        /** The station's desk; an online channel's device always books as `online`. */
        channel: z.enum(['counter', 'guide', 'kiosk']).optional(),
      })
      .strict(),
    output: BookingSchema,
  },
  cancel: {
    input: z.object({ code: BookingCodeSchema, mobile: Mobile }).strict(),
    output: BookingSchema,
  },
  dayList: {
    input: z.object({ day: HallDaySchema.optional() }).strict(),
    output: z.array(BookingSchema),
  },
  checkIn: {
    input: z
      .object({
        code: BookingCodeSchema,
        mobile: Mobile,
        channel: z.enum(['guide', 'kiosk', 'counter']),
      })
      .strict(),
    output: z.object({ booking: BookingSchema, ticket: IssuedTicketSchema }),
  },
  figures: { input: z.object({}).strict(), output: AppointmentFiguresSchema },
  /** Today's and tomorrow's bookings for the hall's stations to check in with the hub down. */
  offlineCopy: { input: z.object({}).strict(), output: OfflineCopySchema },
  /** A check-in a station made with the hub down, offered once the hub answers again. */
  replayCheckIn: {
    input: z
      .object({
        bookingId: z.uuid(),
        /** HMAC of the phone and code the customer typed (offline-match.ts): not in the copy. */
        proof: z.string().min(16).max(128),
        checkedInAt: z.iso.datetime({ offset: true }),
        ticket: z
          .object({
            id: z.uuid(),
            number: z.string().min(1).max(24),
            issuedAt: z.iso.datetime({ offset: true }),
          })
          .strict(),
        channel: z.enum(['guide', 'kiosk', 'counter']),
      })
      .strict(),
    output: z.object({ booking: BookingSchema, ticket: IssuedTicketSchema }),
  },
  settings: { input: z.object({}).strict(), output: AppointmentSettingsSchema },
  saveSettings: {
    input: z.object({ settings: AppointmentSettingsSchema }).strict(),
    output: AppointmentSettingsSchema,
  },
} as const;

export type AppointmentOps = typeof APPOINTMENT_OPS;
export type AppointmentOp = keyof AppointmentOps;
export type AppointmentOpInput<O extends AppointmentOp> = z.input<AppointmentOps[O]['input']>;
export type AppointmentOpParsed<O extends AppointmentOp> = z.output<AppointmentOps[O]['input']>;
export type AppointmentOpOutput<O extends AppointmentOp> = z.output<AppointmentOps[O]['output']>;
export const isAppointmentOp = (name: string): name is AppointmentOp =>
  Object.prototype.hasOwnProperty.call(APPOINTMENT_OPS, name);

/** What a utility's online channel (网上国网, 95598 web) may do: see slots, book, cancel. */
export const ONLINE_OPS: readonly AppointmentOp[] = ['slots', 'book', 'cancel'];

export const APPOINTMENT_REASONS = [
  'no_slot',
  'bad_mobile',
  'slot_full',
  'slot_has_bookings',
  'capacity_below_booked',
  'not_bookable_day',
  'slot_over',
  'not_found',
  'too_many_misses',
  'already_checked_in',
  'no_show',
  'cancelled',
  'not_today',
  'unknown_service',
] as const;
export type AppointmentReason = (typeof APPOINTMENT_REASONS)[number];

export const AppointmentErrorBodySchema = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
  reason: z.enum(APPOINTMENT_REASONS).optional(),
});
export type AppointmentErrorBody = z.infer<typeof AppointmentErrorBodySchema>;
