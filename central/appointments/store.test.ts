import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCentralStore, type OpenedStore } from '../store/open';
import { get } from '../store/work';
import { postgresMissing, startPostgres, type PostgresServer } from '../../tests/support/postgres';
import { hubCipher } from '../queue/draft-sealing';
import { QueueStore } from '../queue/store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import { hallInstant } from '../../shared/hall-time';
import { AppointmentRefusal, AppointmentStore } from './store';

const HALL = 'H001';
const DAY = '2026-03-02';
const PHONE = '13957318866';
const at = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return hallInstant(DAY, h * 60 + m).getTime();
};

/** The same suite on both stores: SQLite (the embedded default) and PostgreSQL. */
const pgMissing = postgresMissing();
if (pgMissing) console.log(`appointment store on PostgreSQL skipped: ${pgMissing}`);
const ENGINES = pgMissing ? (['sqlite'] as const) : (['sqlite', 'postgres'] as const);

let server: PostgresServer | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres({ settings: { fsync: 'off' } });
});
afterAll(() => server?.stop());

let dir: string;
let clock: number;
let opened: OpenedStore;
let queue: QueueStore;
let store: AppointmentStore;

const slot9 = (capacity = 2) =>
  store.saveSlot(HALL, {
    slot: { day: DAY, serviceCode: 'NEW', startMin: 9 * 60, endMin: 10 * 60, capacity },
  });
const bookOne = (slotId: string, mobile = PHONE) =>
  store.book(HALL, 'K01', 'kiosk', { requestId: uuidv7(), slotId, mobile });
const reasonOf = async (fn: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppointmentRefusal) return err.body.reason;
    throw err;
  }
  return undefined;
};

describe.each(ENGINES)('appointment store on %s', (engine) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-appt-'));
    clock = at('08:00');
    const file = join(dir, 'hub.db');
    opened = await openCentralStore({
      dbFile: engine === 'postgres' && server ? await server.freshDatabase() : file,
    });
    const cipher = hubCipher(file);
    queue = new QueueStore(opened.store, { cipher, now: () => clock });
    await queue.saveConfig(HALL, { config: DEFAULT_QUEUE_CONFIG });
    store = new AppointmentStore(opened.store, { cipher, now: () => clock });
  });
  afterEach(async () => {
    await opened.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('appointment slots and bookings on the hall hub', () => {
    it('books up to the capacity, refuses the next, and frees a place on cancel', async () => {
      const slot = await slot9(2);
      const a = await bookOne(slot.id);
      await bookOne(slot.id, '13800138000');
      expect(await reasonOf(() => bookOne(slot.id, '13700137000'))).toBe('slot_full');
      expect((await store.slots(HALL, { day: DAY }))[0]?.booked).toBe(2);
      await store.cancel(HALL, 'G01', { code: a.code, mobile: PHONE });
      expect((await store.slots(HALL, { day: DAY }))[0]?.booked).toBe(1);
      expect((await bookOne(slot.id, '13700137000')).state).toBe('booked');
    });

    it('a retried booking (same request id) returns the first one, not a second place', async () => {
      const slot = await slot9(5);
      const input = { requestId: uuidv7(), slotId: slot.id, mobile: PHONE };
      const first = await store.book(HALL, 'K01', 'kiosk', input);
      const again = await store.book(HALL, 'K01', 'kiosk', input);
      expect(again.id).toBe(first.id);
      expect((await store.slots(HALL, { day: DAY }))[0]?.booked).toBe(1);
    });

    it('a cancel sent twice at once gives the place back once', async () => {
      const slot = await slot9(3);
      const b = await bookOne(slot.id);
      await bookOne(slot.id, '13800138000');
      const both = await Promise.all([
        store.cancel(HALL, 'G01', { code: b.code, mobile: PHONE }),
        store.cancel(HALL, 'G02', { code: b.code, mobile: PHONE }),
      ]);
      expect(both.map((x) => x.state)).toEqual(['cancelled', 'cancelled']);
      expect((await store.slots(HALL, { day: DAY }))[0]?.booked).toBe(1);
    });

    it('keeps the phone sealed and masked at rest: no row holds the whole number', async () => {
      const b = await bookOne((await slot9()).id);
      expect(b.phoneMasked).toBe('139****8866');
      const row = await opened.store.read(() =>
        get<Record<string, unknown>>('SELECT * FROM appt_bookings'),
      );
      expect(row).toBeDefined();
      expect(JSON.stringify(row)).not.toContain(PHONE);
      if (opened.db) {
        opened.db.pragma('wal_checkpoint(TRUNCATE)');
        expect(readFileSync(join(dir, 'hub.db')).includes(Buffer.from(PHONE))).toBe(false);
      }
    });

    it('refuses a capacity below what is booked, and removing a booked slot', async () => {
      const slot = await slot9(3);
      await bookOne(slot.id);
      await bookOne(slot.id, '13800138000');
      expect(
        await reasonOf(() =>
          store.saveSlot(HALL, {
            slot: { day: DAY, serviceCode: 'NEW', startMin: 540, endMin: 600, capacity: 1 },
          }),
        ),
      ).toBe('capacity_below_booked');
      expect(await reasonOf(() => store.removeSlot(HALL, slot.id))).toBe('slot_has_bookings');
    });

    it('check-in on time gives a 预约 ticket that is called before earlier regular tickets', async () => {
      const b = await bookOne((await slot9()).id);
      await queue.issue(HALL, 'G01', {
        id: uuidv7(),
        serviceCode: 'NEW',
        priority: 'normal',
        channel: 'guide',
      });
      clock = at('09:10');
      const { booking, ticket } = await store.checkIn(HALL, 'G01', {
        code: b.code,
        mobile: PHONE,
        channel: 'guide',
      });
      expect(ticket.priority).toBe('appointment');
      expect(booking.state).toBe('checked_in');
      expect(booking.late).toBe(false);
      expect(booking.ticketNumber).toBe(ticket.number);
      const { ticket: called } = await queue.callNext(HALL, 'C01', {
        requestId: uuidv7(),
        services: ['NEW'],
      });
      expect(called?.id).toBe(ticket.id);
      // Checking in again returns the same ticket, not a second one.
      const again = await store.checkIn(HALL, 'G01', {
        code: b.code,
        mobile: PHONE,
        channel: 'guide',
      });
      expect(again.ticket.id).toBe(ticket.id);
    });

    it('two check-ins at once (kiosk and guide) issue one ticket', async () => {
      const b = await bookOne((await slot9()).id);
      clock = at('09:05');
      const [k, g] = await Promise.all([
        store.checkIn(HALL, 'K01', { code: b.code, mobile: PHONE, channel: 'kiosk' }),
        store.checkIn(HALL, 'G01', { code: b.code, mobile: PHONE, channel: 'guide' }),
      ]);
      expect(k.ticket.id).toBe(g.ticket.id);
      const tickets = await queue.tickets(HALL, { limit: 100 });
      expect(tickets.map((t) => t.id)).toEqual([k.ticket.id]);
    });

    it('late after start + grace: checked in with a regular ticket and the late mark', async () => {
      await store.saveSettings(HALL, { graceMinutes: 10, bookAheadDays: 14 });
      const b = await bookOne((await slot9()).id);
      clock = at('09:11');
      const { booking, ticket } = await store.checkIn(HALL, 'K01', {
        code: b.code,
        mobile: PHONE,
        channel: 'kiosk',
      });
      expect(booking.late).toBe(true);
      expect(ticket.priority).toBe('normal');
      expect(await store.figures(HALL)).toMatchObject({
        booked: 1,
        checkedIn: 1,
        late: 1,
        noShow: 0,
      });
    });

    it('no-show after end + grace: marked, counted, and check-in refused', async () => {
      const b = await bookOne((await slot9()).id);
      await bookOne((await slot9()).id, '13800138000');
      clock = at('10:15');
      expect((await store.dayList(HALL)).map((x) => x.state)).toEqual(['booked', 'booked']);
      clock = at('10:16');
      expect((await store.dayList(HALL)).map((x) => x.state)).toEqual(['no_show', 'no_show']);
      expect(
        await reasonOf(() =>
          store.checkIn(HALL, 'G01', { code: b.code, mobile: PHONE, channel: 'guide' }),
        ),
      ).toBe('no_show');
      expect(await store.figures(HALL)).toMatchObject({
        capacity: 2,
        booked: 2,
        noShow: 2,
        checkedIn: 0,
      });
    });

    it('a wrong phone or code answers the same not-found, and five misses slow the station down', async () => {
      const b = await bookOne((await slot9()).id);
      const tries = [
        { code: b.code, mobile: '13800138000' },
        { code: b.code === '000000' ? '000001' : '000000', mobile: PHONE },
        { code: b.code, mobile: '12345' },
      ];
      for (const t of tries) {
        expect(await reasonOf(() => store.checkIn(HALL, 'K01', { ...t, channel: 'kiosk' }))).toBe(
          'not_found',
        );
      }
      const wrong = { ...tries[0]!, channel: 'kiosk' as const };
      expect(await reasonOf(() => store.checkIn(HALL, 'K01', wrong))).toBe('not_found');
      expect(await reasonOf(() => store.checkIn(HALL, 'K01', wrong))).toBe('not_found');
      const right = { code: b.code, mobile: PHONE, channel: 'kiosk' as const };
      expect(await reasonOf(() => store.checkIn(HALL, 'K01', right))).toBe('too_many_misses');
      clock += 61_000;
      expect((await store.checkIn(HALL, 'K01', right)).booking.state).toBe('checked_in');
    });

    it('refuses a slot that is over or too far ahead, and a check-in on another day', async () => {
      const slot = await slot9();
      const b = await bookOne(slot.id);
      const far = await store.saveSlot(HALL, {
        slot: { day: '2026-04-30', serviceCode: 'NEW', startMin: 540, endMin: 600, capacity: 1 },
      });
      expect(await reasonOf(() => bookOne(far.id))).toBe('not_bookable_day');
      clock = at('07:00') - 86_400_000;
      expect(
        await reasonOf(() =>
          store.checkIn(HALL, 'G01', { code: b.code, mobile: PHONE, channel: 'guide' }),
        ),
      ).toBe('not_today');
      clock = at('10:00');
      expect(await reasonOf(() => bookOne(slot.id, '13800138000'))).toBe('not_bookable_day');
    });
  });
});
