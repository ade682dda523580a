import type Database from 'better-sqlite3';
import type { FieldCipher } from '../../electron/main/services/crypto';
import type { AppointmentOpParsed } from '../../shared/appointments/protocol';
import type {
  AppointmentFigures,
  AppointmentSettings,
  Booking,
  BookingChannel,
  Slot,
} from '../../shared/appointments/schemas';
import type { IssuedTicket } from '../../shared/queue/schemas';
import type { QueueStore } from '../queue/store';
import { book, cancel, checkIn, dayList } from './bookings';
import { AppointmentCore } from './core';
import { figures } from './figures';
import { AppointmentRefusal } from './refusals';
import { listSlots, removeSlot, saveSlot } from './slots';

export { AppointmentRefusal } from './refusals';

const MISS_WINDOW_MS = 60_000;
const MAX_MISSES = 5;

/**
 * The hall's appointments, kept by the hall hub beside its ticket queue and on the same
 * database, so a booking is decided where the tickets are: every write is one IMMEDIATE
 * transaction and check-in issues its ticket inside it (docs/appointments.md).
 */
export class AppointmentStore {
  private readonly a: AppointmentCore;
  /** Failed code + phone matches per hall and station, for the slow-down. */
  private readonly misses = new Map<string, number[]>();

  constructor(
    db: Database.Database,
    queue: QueueStore,
    opts: { cipher: FieldCipher; now?: () => number },
  ) {
    this.a = new AppointmentCore(db, queue, opts.cipher, opts.now ?? Date.now);
  }

  settings(hall: string): AppointmentSettings {
    return this.a.settings(hall);
  }
  saveSettings(hall: string, settings: AppointmentSettings): AppointmentSettings {
    return this.a.tx(() => this.a.saveSettings(hall, settings));
  }
  slots(hall: string, input: AppointmentOpParsed<'slots'>): Slot[] {
    return listSlots(this.a, hall, input);
  }
  saveSlot(hall: string, input: AppointmentOpParsed<'saveSlot'>): Slot {
    return saveSlot(this.a, hall, input);
  }
  removeSlot(hall: string, slotId: string): { removed: boolean } {
    return { removed: removeSlot(this.a, hall, slotId) };
  }
  book(
    hall: string,
    station: string,
    channel: BookingChannel,
    input: AppointmentOpParsed<'book'>,
  ): Booking {
    return book(this.a, hall, station, channel, input);
  }
  cancel(hall: string, station: string, input: AppointmentOpParsed<'cancel'>): Booking {
    return this.guarded(hall, station, () => cancel(this.a, hall, input));
  }
  checkIn(
    hall: string,
    station: string,
    input: AppointmentOpParsed<'checkIn'>,
  ): { booking: Booking; ticket: IssuedTicket } {
    return this.guarded(hall, station, () => checkIn(this.a, hall, station, input));
  }
  dayList(hall: string, day?: string): Booking[] {
    return dayList(this.a, hall, day);
  }
  figures(hall: string): AppointmentFigures {
    return figures(this.a, hall);
  }

  /**
   * Code + phone matches: after 5 misses in a minute at one station even a right pair waits,
   * so neither the code nor the phone can be guessed by trying.
   */
  private guarded<T>(hall: string, station: string, fn: () => T): T {
    const key = `${hall}\u0000${station}`;
    const cutoff = this.a.now() - MISS_WINDOW_MS;
    const recent = (this.misses.get(key) ?? []).filter((t) => t > cutoff);
    this.misses.set(key, recent);
    if (recent.length >= MAX_MISSES) {
      throw new AppointmentRefusal('rateLimited', 'too_many_misses');
    }
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppointmentRefusal && err.body.reason === 'not_found') {
        recent.push(this.a.now());
      }
      throw err;
    }
  }
}
