import { v7 as uuidv7 } from 'uuid';
import type { ParsedInput } from '../../../../shared/api/contract';
import type {
  AppointmentOp,
  AppointmentOpInput,
  AppointmentOpOutput,
} from '../../../../shared/appointments/protocol';
import type { CentralConnection } from '../central-client';
import { APPOINTMENTS_NOT_CONFIGURED, appointmentError } from './errors';
import { createAppointmentLink } from './link';

/** The desk a booking or check-in is made at: the booking's and the ticket's channel. */
export type DeskChannel = 'counter' | 'guide' | 'kiosk';

/** The caller's role as a desk: a kiosk, the guide desk, or a counter (a supervisor too). */
export const deskOf = (role: string | undefined): DeskChannel =>
  role === 'kiosk' ? 'kiosk' : role === 'guide' ? 'guide' : 'counter';

export interface AppointmentServiceOptions {
  /** The connection the queue uses (hub, or central when one process plays both). */
  central: CentralConnection | undefined;
  log?: (line: string) => void;
}

/**
 * The station's side of appointments: every call goes to the hall hub, where bookings are
 * decided beside the tickets (docs/appointments.md). Nothing is kept here: no phone is stored
 * on the station, so there is nothing to seal or rotate.
 */
export function createAppointmentService(opts: AppointmentServiceOptions) {
  const link = opts.central ? createAppointmentLink({ central: opts.central }) : undefined;
  const log = opts.log ?? (() => undefined);

  async function remote<O extends AppointmentOp>(
    op: O,
    input: AppointmentOpInput<O>,
  ): Promise<AppointmentOpOutput<O>> {
    if (!link) throw APPOINTMENTS_NOT_CONFIGURED;
    try {
      return await link(op, input);
    } catch (err) {
      const mapped = appointmentError(err);
      if (mapped !== err) log(`appointments: ${op} refused or unreachable`);
      throw mapped;
    }
  }

  return {
    slots: (i: ParsedInput<'appointments.slots'>) => remote('slots', i),
    saveSlot: (i: ParsedInput<'appointments.saveSlot'>) => remote('saveSlot', i),
    removeSlot: (i: ParsedInput<'appointments.removeSlot'>) => remote('removeSlot', i),
    book: (i: ParsedInput<'appointments.book'>, channel: DeskChannel) =>
      remote('book', { requestId: uuidv7(), slotId: i.slotId, mobile: i.mobile, channel }),
    cancel: (i: ParsedInput<'appointments.cancel'>) => remote('cancel', i),
    dayList: (i: ParsedInput<'appointments.dayList'>) => remote('dayList', i),
    checkIn: (i: ParsedInput<'appointments.checkIn'>, channel: DeskChannel) =>
      remote('checkIn', { code: i.code, mobile: i.mobile, channel }),
    figures: () => remote('figures', {}),
    settings: () => remote('settings', {}),
    saveSettings: (i: ParsedInput<'appointments.saveSettings'>) => remote('saveSettings', i),
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
