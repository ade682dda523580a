import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCentralStore, type OpenedStore } from '../store/open';
import { postgresMissing, startPostgres, type PostgresServer } from '../../tests/support/postgres';
import { hubCipher } from '../queue/draft-sealing';
import { QueueStore } from '../queue/store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import { hallInstant, toHallIso } from '../../shared/hall-time';
import { matchOf, proofOf } from '../../electron/main/services/appointments/offline-match';
import { testLog } from '../../tests/support/test-log';
import { AppointmentRefusal, AppointmentStore } from './store';

/**
 * The hub's half of check-in with the hub down, on both stores: the copy's matches test the
 * right pair only, and a replayed check-in is taken once, only with the booking's own proof,
 * only in its own hall, and lifts a no-show mark made while the hub was down.
 */
const HALL = 'H001';
const DAY = '2026-03-02';
const PHONE = '13957318866';
const at = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return hallInstant(DAY, h * 60 + m).getTime();
};

const pgMissing = postgresMissing();
if (pgMissing) testLog(`offline check-in on PostgreSQL skipped: ${pgMissing}`);
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

const reasonOf = async (fn: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppointmentRefusal) return err.body.reason;
    throw err;
  }
  return undefined;
};

describe.each(ENGINES)('offline check-in on the hub (%s)', (engine) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-appt-offline-'));
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

  /** A booking of 09:00–10:00 and what a station would replay for it. */
  async function checkedInOffline(checkedAt: string) {
    const slot = await store.saveSlot(HALL, {
      slot: { day: DAY, serviceCode: 'NEW', startMin: 540, endMin: 600, capacity: 3 },
    });
    const b = await store.book(HALL, 'K01', 'kiosk', {
      requestId: uuidv7(),
      slotId: slot.id,
      mobile: PHONE,
    });
    const other = await store.book(HALL, 'K01', 'kiosk', {
      requestId: uuidv7(),
      slotId: slot.id,
      mobile: '13800138000',
    });
    const copy = await store.offlineCopy(HALL);
    const key = copy.days.find((d) => d.day === DAY)?.key as string;
    const when = toHallIso(at(checkedAt));
    const body = {
      bookingId: b.id,
      proof: proofOf(key, b.id, PHONE, b.code),
      checkedInAt: when,
      ticket: { id: uuidv7(), number: 'G01-A001', issuedAt: when },
      channel: 'guide' as const,
    };
    return { b, other, copy, key, body };
  }

  it('the copy: one match per open booking, made only by its own phone and code', async () => {
    const { b, other, copy, key } = await checkedInOffline('09:05');
    expect(copy.bookings.map((x) => x.id).sort()).toEqual([b.id, other.id].sort());
    expect(JSON.stringify(copy)).not.toContain(PHONE);
    expect(JSON.stringify(copy)).not.toContain(b.code);
    const mine = copy.bookings.find((x) => x.id === b.id)?.match;
    expect(await matchOf(key, DAY, '139-5731-8866', b.code)).toBe(mine);
    const wrongCode = b.code === '000000' ? '000001' : '000000';
    expect(await matchOf(key, DAY, PHONE, wrongCode)).not.toBe(mine);
    expect(await matchOf(key, DAY, '13957318867', b.code)).not.toBe(mine);
    // Another hall's key for the same day differs: a copy does not serve another hall.
    const elsewhere = await store.offlineCopy('H002');
    expect(elsewhere.days[0]?.key).not.toBe(key);
  });

  it('takes a replay once, lifting the no-show mark the hub made while it was down', async () => {
    const { b, body } = await checkedInOffline('09:05');
    clock = at('11:00'); // past 10:00 + 15 min: the sweep marks it a no-show first
    expect((await store.dayList(HALL)).find((x) => x.id === b.id)?.state).toBe('no_show');
    const first = await store.replayCheckIn(HALL, 'G01', body);
    const again = await store.replayCheckIn(HALL, 'G01', {
      ...body,
      ticket: { ...body.ticket, id: uuidv7(), number: 'G01-A002' },
    });
    expect(first.booking).toMatchObject({ state: 'checked_in', late: false });
    expect(first.ticket).toMatchObject({ number: 'G01-A001', priority: 'appointment' });
    expect(again.ticket.id).toBe(first.ticket.id);
    const numbers = (await queue.tickets(HALL, { limit: 100 })).map((t) => t.number);
    testLog(`hub tickets after a replay offered twice: ${numbers.join(', ')}`);
    expect(numbers).toEqual(['G01-A001']);
  });

  it('refuses a replay with another booking’s proof, from another hall, late as late', async () => {
    const { other, body } = await checkedInOffline('09:20');
    expect(
      await reasonOf(() => store.replayCheckIn(HALL, 'G01', { ...body, bookingId: other.id })),
    ).toBe('not_found');
    expect(await reasonOf(() => store.replayCheckIn('H002', 'G01', body))).toBe('not_found');
    clock = at('09:30');
    const late = await store.replayCheckIn(HALL, 'G01', body);
    expect(late.booking.late).toBe(true);
    expect(late.ticket.priority).toBe('normal');
  });
});
