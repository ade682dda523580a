import { z } from 'zod';
import {
  AppointmentFiguresSchema,
  AppointmentSettingsSchema,
  BookingCodeSchema,
  BookingSchema,
  HallDaySchema,
  SlotInputSchema,
  SlotSchema,
} from '../../appointments/schemas';
import { IssuedTicketSchema, ServiceCodeSchema } from '../../queue/schemas';
import { Empty } from './core';

/** The customer's mobile as typed (spaces, +86 allowed); checked by the hall hub. */
const Mobile = z.string().trim().min(1).max(32);

/** Appointments (预约): slots, bookings, the guide's day list, check-in, figures (docs/appointments.md). */
export const appointmentMethods = {
  'appointments.slots': {
    input: z.object({ day: HallDaySchema, serviceCode: ServiceCodeSchema.optional() }).strict(),
    output: z.array(SlotSchema),
  },
  'appointments.saveSlot': {
    input: z.object({ slot: SlotInputSchema }).strict(),
    output: SlotSchema,
  },
  'appointments.removeSlot': {
    input: z.object({ slotId: z.uuid() }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  /** Books one place; the answer carries the booking code (the phone only masked). */
  'appointments.book': {
    input: z.object({ slotId: z.uuid(), mobile: Mobile }).strict(),
    output: BookingSchema,
  },
  'appointments.cancel': {
    input: z.object({ code: BookingCodeSchema, mobile: Mobile }).strict(),
    output: BookingSchema,
  },
  'appointments.dayList': {
    input: z.object({ day: HallDaySchema.optional() }).strict(),
    output: z.array(BookingSchema),
  },
  /** Code + phone on the booking's day: the booking is checked in and its ticket issued. */
  'appointments.checkIn': {
    input: z.object({ code: BookingCodeSchema, mobile: Mobile }).strict(),
    output: z.object({ booking: BookingSchema, ticket: IssuedTicketSchema }),
  },
  'appointments.figures': { input: Empty, output: AppointmentFiguresSchema },
  'appointments.settings': { input: Empty, output: AppointmentSettingsSchema },
  'appointments.saveSettings': {
    input: z.object({ settings: AppointmentSettingsSchema }).strict(),
    output: AppointmentSettingsSchema,
  },
} as const;
