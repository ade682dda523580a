import type { FieldCipher } from '../../electron/main/services/crypto';
import type { AppointmentOpParsed, OfflineCopy } from '../../shared/appointments/protocol';
import { matchOf } from '../../electron/main/services/appointments/offline-match';
import type {
  AppointmentFigures,
  AppointmentSettings,
  Booking,
  BookingChannel,
  Slot,
} from '../../shared/appointments/schemas';
import type { IssuedTicket } from '../../shared/queue/schemas';
import type { CentralStore } from '../store/work';
import { book, cancel, checkIn, dayList } from './bookings';
import { AppointmentCore } from './core';
import { figures } from './figures';
import { copyEntries, dayKeyOf, presentCopy, replayCheckIn } from './offline';
import { AppointmentRefusal } from './refusals';
import { listSlots, removeSlot, saveSlot } from './slots';

export { AppointmentRefusal } from './refusals';

const MISS_WINDOW_MS = 60_000;
const MAX_MISSES = 5;

/**
 * The hall's appointments, kept by the hall hub beside its ticket queue and on the same store,
 * so a booking is decided where the tickets are: every write is one write transaction of the
 * store (SQLite: IMMEDIATE; PostgreSQL: the slot or booking row locked) and check-in issues its
 * ticket inside it (docs/appointments.md).
 */
export class AppointmentStore {
  private readonly a: AppointmentCore;
  /** Failed code + phone matches per hall and station, for the slow-down. */
  private readonly misses = new Map<string, number[]>();
  /** Matches already computed (scrypt is slow on purpose), by booking and day key. */
  private readonly matches = new Map<string, string>();

  constructor(
    private readonly store: CentralStore,
    opts: { cipher: FieldCipher; now?: () => number },
  ) {
    this.a = new AppointmentCore(opts.cipher, opts.now ?? Date.now);
  }

  settings(hall: string): Promise<AppointmentSettings> {
    return this.store.read(() => this.a.settings(hall));
  }
  saveSettings(hall: string, settings: AppointmentSettings): Promise<AppointmentSettings> {
    return this.store.write(() => this.a.saveSettings(hall, settings));
  }
  slots(hall: string, input: AppointmentOpParsed<'slots'>): Promise<Slot[]> {
    return this.store.read(() => listSlots(this.a, hall, input));
  }
  saveSlot(hall: string, input: AppointmentOpParsed<'saveSlot'>): Promise<Slot> {
    return this.store.write(() => saveSlot(this.a, hall, input));
  }
  async removeSlot(hall: string, slotId: string): Promise<{ removed: boolean }> {
    return { removed: await this.store.write(() => removeSlot(this.a, hall, slotId)) };
  }
  book(
    hall: string,
    station: string,
    channel: BookingChannel,
    input: AppointmentOpParsed<'book'>,
  ): Promise<Booking> {
    return this.store.write(() => book(this.a, hall, station, channel, input));
  }
  cancel(hall: string, station: string, input: AppointmentOpParsed<'cancel'>): Promise<Booking> {
    return this.guarded(hall, station, () => this.store.write(() => cancel(this.a, hall, input)));
  }
  checkIn(
    hall: string,
    station: string,
    input: AppointmentOpParsed<'checkIn'>,
  ): Promise<{ booking: Booking; ticket: IssuedTicket }> {
    return this.guarded(hall, station, () =>
      this.store.write(() => checkIn(this.a, hall, station, input)),
    );
  }
  /**
   * The copy a station keeps for check-in with the hub down. Each match is one scrypt, so it is
   * computed once per booking (outside the store's transaction) and kept for the next copy.
   */
  async offlineCopy(hall: string): Promise<OfflineCopy> {
    const read = await this.store.read(() => copyEntries(this.a, hall));
    const live = new Map<string, string>();
    const matches: string[] = [];
    for (const { row, mobile } of read.entries) {
      const cacheKey = `${row.id}\u0000${dayKeyOf(this.a, hall, row.day)}`;
      const match =
        this.matches.get(cacheKey) ??
        (await matchOf(dayKeyOf(this.a, hall, row.day), row.day, mobile, row.code));
      live.set(cacheKey, match);
      matches.push(match);
    }
    for (const [k, v] of live) this.matches.set(k, v);
    // Bookings of other days or no longer open drop out (one hall per hub in practice).
    if (this.matches.size > live.size * 4 + 1000) {
      this.matches.clear();
      for (const [k, v] of live) this.matches.set(k, v);
    }
    return presentCopy(this.a, hall, read, matches);
  }
  /** A check-in made at a station with the hub down: misses count as for check-in. */
  replayCheckIn(
    hall: string,
    station: string,
    input: AppointmentOpParsed<'replayCheckIn'>,
  ): Promise<{ booking: Booking; ticket: IssuedTicket }> {
    return this.guarded(hall, station, () =>
      this.store.write(() => replayCheckIn(this.a, hall, station, input)),
    );
  }
  /** A write: the no-show sweep marks what is overdue before the list is read. */
  dayList(hall: string, day?: string): Promise<Booking[]> {
    return this.store.write(() => dayList(this.a, hall, day));
  }
  figures(hall: string): Promise<AppointmentFigures> {
    return this.store.write(() => figures(this.a, hall));
  }

  /**
   * Code + phone matches: after 5 misses in a minute at one station even a right pair waits,
   * so neither the code nor the phone can be guessed by trying.
   */
  private async guarded<T>(hall: string, station: string, fn: () => Promise<T>): Promise<T> {
    const key = `${hall}\u0000${station}`;
    const cutoff = this.a.now() - MISS_WINDOW_MS;
    const recent = (this.misses.get(key) ?? []).filter((t) => t > cutoff);
    this.misses.set(key, recent);
    if (recent.length >= MAX_MISSES) {
      throw new AppointmentRefusal('rateLimited', 'too_many_misses');
    }
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AppointmentRefusal && err.body.reason === 'not_found') {
        recent.push(this.a.now());
      }
      throw err;
    }
  }
}
