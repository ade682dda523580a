import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { appointmentMethods } from '../../../../shared/api/methods/appointments';
import { deskOf, type AppointmentService } from './service';

/** The contract's appointment methods. */
export function createAppointmentHandlers(
  s: AppointmentService,
): HandlersFor<typeof appointmentMethods> {
  return {
    'appointments.slots': (input) => s.slots(input),
    'appointments.saveSlot': (input) => s.saveSlot(input),
    'appointments.removeSlot': (input) => s.removeSlot(input),
    'appointments.book': (input, ctx) => s.book(input, deskOf(ctx.role)),
    'appointments.cancel': (input) => s.cancel(input),
    'appointments.dayList': (input) => s.dayList(input),
    'appointments.checkIn': (input, ctx) => s.checkIn(input, deskOf(ctx.role)),
    'appointments.figures': () => s.figures(),
    'appointments.settings': () => s.settings(),
    'appointments.saveSettings': (input) => s.saveSettings(input),
  };
}
