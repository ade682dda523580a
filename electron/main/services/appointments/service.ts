import { v7 as uuidv7 } from 'uuid';
import type { ParsedInput } from '../../../../shared/api/contract';
import type {
  AppointmentOp,
  AppointmentOpInput,
  AppointmentOpOutput,
} from '../../../../shared/appointments/protocol';
import type { QueueConfig } from '../../../../shared/queue/schemas';
import type { CentralConnection } from '../central-client';
import type { Database } from '../db';
import { createOfflineTickets } from '../queue/offline-tickets';
import { HUB_UNTRUSTED } from '../queue/errors';
import { APPOINTMENTS_NOT_CONFIGURED, APPOINTMENTS_UNREACHABLE, appointmentError } from './errors';
import { createAppointmentLink } from './link';
import { createOfflineCheckIn } from './offline-checkin';
import { createOfflineCopy } from './offline-copy';
import { createOfflineSync } from './offline-sync';

/** The desk a booking or check-in is made at: the booking's and the ticket's channel. */
export type DeskChannel = 'counter' | 'guide' | 'kiosk';

/** The caller's role as a desk: a kiosk, the guide desk, or a counter (a supervisor too). */
export const deskOf = (role: string | undefined): DeskChannel =>
  role === 'kiosk' ? 'kiosk' : role === 'guide' ? 'guide' : 'counter';

export interface AppointmentServiceOptions {
  /** The connection the queue uses (hub, or central when one process plays both). */
  central: CentralConnection | undefined;
  log?: (line: string) => void;
  /**
   * Check-in with the hub down: the station's store (the copy and its offline tickets) and the
   * queue configuration last seen. Absent (a display), the station keeps no copy.
   */
  offline?: {
    db: Database;
    stationCode: string;
    queueConfig: () => QueueConfig;
    now?: () => number;
    /** How often the copy is fetched again and pending check-ins offered (default 60 s). */
    everyMs?: number;
  };
}

/**
 * The station's side of appointments: every call goes to the hall hub, where bookings are
 * decided beside the tickets (docs/appointments.md). Nothing is kept here: no phone is stored
 * on the station, so there is nothing to seal or rotate.
 */
export function createAppointmentService(opts: AppointmentServiceOptions) {
  const link = opts.central ? createAppointmentLink({ central: opts.central }) : undefined;
  const log = opts.log ?? (() => undefined);
  const off = link && opts.offline ? offlineParts(link, opts.offline, log) : undefined;

  async function remote<O extends AppointmentOp>(
    op: O,
    input: AppointmentOpInput<O>,
  ): Promise<AppointmentOpOutput<O>> {
    if (!link) throw APPOINTMENTS_NOT_CONFIGURED;
    try {
      const out = await link(op, input);
      // The hub answers again: check-ins made from the copy go first (no wait for the timer).
      if (off && off.copy.counts().pending > 0) void off.sync.round().catch(() => undefined);
      return out;
    } catch (err) {
      const mapped = appointmentError(err);
      if (mapped !== err) log(`appointments: ${op} refused or unreachable`);
      throw mapped;
    }
  }

  async function freshen<T>(done: Promise<T>): Promise<T> {
    const out = await done;
    void off?.sync.refresh();
    return out;
  }

  return {
    slots: (i: ParsedInput<'appointments.slots'>) => remote('slots', i),
    saveSlot: (i: ParsedInput<'appointments.saveSlot'>) => remote('saveSlot', i),
    removeSlot: (i: ParsedInput<'appointments.removeSlot'>) => remote('removeSlot', i),
    // A booking or cancel made here is in this station's copy at once, not at the next round.
    book: (i: ParsedInput<'appointments.book'>, channel: DeskChannel) =>
      freshen(remote('book', { requestId: uuidv7(), slotId: i.slotId, mobile: i.mobile, channel })),
    cancel: (i: ParsedInput<'appointments.cancel'>) => freshen(remote('cancel', i)),
    dayList: (i: ParsedInput<'appointments.dayList'>) => remote('dayList', i),
    async checkIn(i: ParsedInput<'appointments.checkIn'>, channel: DeskChannel) {
      try {
        return await remote('checkIn', { code: i.code, mobile: i.mobile, channel });
      } catch (err) {
        if ((err !== APPOINTMENTS_UNREACHABLE && err !== HUB_UNTRUSTED) || !off) throw err;
        // The hub is down: the copy decides, or (no copy of today) the old answer stands.
        const done = await off.checkIn.checkIn(i, channel);
        if (!done) throw err;
        log('appointments: checked in from the offline copy');
        return done;
      }
    },
    figures: () => remote('figures', {}),
    settings: () => remote('settings', {}),
    saveSettings: (i: ParsedInput<'appointments.saveSettings'>) => remote('saveSettings', i),
    /** The copy and the replay (tests and status); undefined without a hub or a store. */
    offline: off,
    start: (): void => off?.sync.start(),
    stop: async (): Promise<void> => off?.sync.stop(),
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;

/**
 * A station's appointments: on the server the queue is on (the hall hub, else central); desks
 * and kiosks keep the copy for check-in with the hub down, a display does not.
 */
export function createStationAppointments(o: {
  central: CentralConnection | undefined;
  log: (line: string) => void;
  kind: string;
  db: Database;
  stationCode: string;
  queueConfig: () => QueueConfig;
  now: () => number;
}): AppointmentService {
  const { kind, central, log, ...offline } = o;
  return createAppointmentService({
    central,
    log,
    ...(kind === 'display' ? {} : { offline }),
  });
}

function offlineParts(
  link: ReturnType<typeof createAppointmentLink>,
  o: NonNullable<AppointmentServiceOptions['offline']>,
  log: (line: string) => void,
) {
  const now = o.now ?? Date.now;
  const copy = createOfflineCopy(o.db);
  const tickets = createOfflineTickets(o.db, o.stationCode);
  const checkIn = createOfflineCheckIn({
    db: o.db,
    copy,
    tickets,
    queueConfig: o.queueConfig,
    now,
  });
  const sync = createOfflineSync({ link, copy, tickets, now, log, everyMs: o.everyMs });
  return { copy, checkIn, sync };
}
