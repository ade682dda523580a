import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../../../central/server';
import type { Booking, Slot } from '../../../../shared/appointments/schemas';
import type { IssuedTicket, Ticket } from '../../../../shared/queue/schemas';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { v7 as uuidv7 } from 'uuid';
import { hallDate, hallInstant } from '../../../../shared/hall-time';
import { stationClient } from '../../../../tests/appointments/appt-client';
import { testLog } from '../../../../tests/support/test-log';
import { createServices, type Services } from '../createServices';
import { createOfflineCopy } from './offline-copy';

/**
 * Check-in with the hall hub down (docs/appointments.md): the station checks in from its copy,
 * issues the offline ticket with 预约 priority, and the hub takes the check-in once when it is
 * back: one ticket, the booking checked in. The copy holds no phone and no code; the replay
 * cannot be turned against another booking or come from another hall.
 */
const HALL = 'H001';
const MOBILE = '13957318866';
const day = hallDate(Date.now());
// Both clocks at 10:00 hall time today: the 10:00–11:00 slot is on time whenever this runs.
const tenOClock = hallInstant(day, 600).getTime();
let dir: string;
let hub: CentralHandle | undefined;
let port = 0;
let station: Services;
const ctx = { transport: 'ipc' as const, actor: 'S001', role: 'guide' as const };

const startHub = async () => {
  hub = await startCentral({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'hub.db'),
    mode: 'hub',
    port,
    now: () => tenOClock,
  });
  port = hub.port;
  return hub;
};

type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; messageEn: string } };
const call = async <T>(method: string, input: unknown) =>
  (await station.dispatch(method, input, ctx)) as Result<T>;
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.messageEn}`);
  return r.value;
};

/** The station on its file; opened again on the same file to stand for a restart. */
const openStation = (): Services =>
  createServices({
    auth: { enforce: false },
    transport: 'ipc',
    log: testLog,
    demo: true,
    dbFile: join(dir, 'station.db'),
    // The hub's address, also while it is down (it comes back on the same port).
    centralUrl: `http://127.0.0.1:${port}`,
    hallCode: HALL,
    stationCode: 'G01',
    now: () => new Date(tenOClock),
    validateOutput: true,
  });

let booking: Booking;
let other: Booking;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-appt-offline-'));
  await startHub();
  station = openStation();
  const slot = value(
    await call<Slot>('appointments.saveSlot', {
      slot: { day, serviceCode: 'NEW', startMin: 600, endMin: 660, capacity: 5 },
    }),
  );
  // The queue configuration the station caches is what the offline ticket's prefix comes from.
  await station.queue.config();
  booking = value(await call<Booking>('appointments.book', { slotId: slot.id, mobile: MOBILE }));
  other = value(
    await call<Booking>('appointments.book', { slotId: slot.id, mobile: '13800138000' }),
  );
  expect(await station.appointments.offline!.sync.refresh()).toBe(true);
});

afterAll(async () => {
  await station.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('check-in with the hub down', () => {
  it('the copy names every open booking of today but holds no phone and no code', () => {
    const copy = createOfflineCopy(station.db);
    expect(copy.dayKey(day)).toBeDefined();
    station.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(dir, 'station.db')).toString('latin1');
    const rows = station.db.prepare('SELECT * FROM appt_copy').all() as Record<string, unknown>[];
    expect(rows.map((r) => r.booking_id).sort()).toEqual([booking.id, other.id].sort());
    const text = JSON.stringify(rows);
    for (const secret of [MOBILE, '13800138000', booking.code, other.code]) {
      expect(text).not.toContain(secret);
      expect(file).not.toContain(secret);
    }
    expect(text).toContain('139****8866');
  });

  it('checks in from the copy: same not-found for misses, an offline 预约 ticket, asked again the same', async () => {
    await hub!.close();
    hub = undefined;
    const wrong = await call('appointments.checkIn', { code: booking.code, mobile: '13800138000' });
    expect(wrong.ok || wrong.error.code).toBe('NOT_FOUND');
    if (!wrong.ok) expect(wrong.error.message).toBe('未找到该预约，请核对手机号和预约码');
    const done = value(
      await call<{ booking: Booking; ticket: IssuedTicket }>('appointments.checkIn', {
        code: booking.code,
        mobile: '139 5731 8866',
      }),
    );
    expect(done.ticket.offline).toBe(true);
    expect(done.ticket.number).toMatch(/^G01-[A-Z]\d{3}$/);
    expect(done.ticket.priority).toBe('appointment');
    expect(done.booking).toMatchObject({ state: 'checked_in', late: false, code: booking.code });
    const again = value(
      await call<{ ticket: IssuedTicket }>('appointments.checkIn', {
        code: booking.code,
        mobile: MOBILE,
      }),
    );
    expect(again.ticket.id).toBe(done.ticket.id);
    expect(createOfflineCopy(station.db).counts().pending).toBe(1);
  });

  it('slows down after 5 misses, even for a right pair (the hub’s rule)', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call('appointments.checkIn', { code: '000000', mobile: MOBILE });
      answers.push(r.ok ? 'ok' : r.error.code);
    }
    const right = await call('appointments.checkIn', { code: other.code, mobile: '13800138000' });
    answers.push(right.ok ? 'ok' : right.error.code);
    testLog(
      `offline check-in answers (one miss before) to 5 wrong codes, then a right pair: ${answers.join(' ')}`,
    );
    // The first call of this test may be a 6th miss of the window only if the previous test's
    // miss counted: 1 + 5 misses, so the right pair waits.
    expect(answers).toEqual([...Array(4).fill('NOT_FOUND'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('still slows down after the station restarts on the same file', async () => {
    await station.close();
    station = openStation();
    const right = await call('appointments.checkIn', { code: other.code, mobile: '13800138000' });
    const answer = right.ok ? 'ok' : right.error.code;
    testLog(`offline check-in of a right pair right after a restart, 5 misses before: ${answer}`);
    expect(answer).toBe('RATE_LIMITED');
  });

  it('the hub back: the check-in is taken once, with the offline ticket, and no second ticket', async () => {
    await startHub();
    const taken = await station.appointments.offline!.sync.replay();
    expect(taken).toBe(1);
    await station.queue.mergeOffline();
    const guide = await stationClient(hub!.url, HALL, 'G02');
    const list = await guide.call('dayList', {});
    const mine = list.find((b) => b.id === booking.id);
    expect(mine).toMatchObject({ state: 'checked_in', late: false });
    const tickets = await fetchTickets();
    const numbers = tickets.filter((t) => t.id === mine?.ticketId).map((t) => t.number);
    expect(numbers).toEqual([mine?.ticketNumber]);
    expect(mine?.ticketNumber).toMatch(/^G01-/);
    expect(tickets.filter((t) => t.number === mine?.ticketNumber)).toHaveLength(1);
    const priority = tickets.find((t) => t.id === mine?.ticketId)?.priority;
    expect(priority).toBe('appointment');
    // Offered again (a lost answer): the same, nothing new.
    expect(await station.appointments.offline!.sync.replay()).toBe(0);
    expect(createOfflineCopy(station.db).counts()).toMatchObject({ pending: 0, replayed: 1 });
  });

  it('a replay cannot check in another booking, from another hall, or add a second ticket', async () => {
    const row = createOfflineCopy(station.db).get(booking.id)!;
    expect(station.queue.status().offlinePending).toBe(0);
    const body = {
      bookingId: booking.id,
      proof: row.checkin_proof,
      checkedInAt: new Date(tenOClock).toISOString(),
      ticket: {
        id: '0190f5b0-0000-7000-8000-0000000000f1',
        number: 'G01-A999',
        issuedAt: new Date(tenOClock).toISOString(),
      },
      channel: 'guide',
    };
    const elsewhere = await stationClient(hub!.url, 'H002', 'G01');
    const otherHall = await elsewhere.raw('replayCheckIn', body);
    const here = await stationClient(hub!.url, HALL, 'G03');
    const swapped = await here.raw('replayCheckIn', { ...body, bookingId: other.id });
    const twice = await here.raw('replayCheckIn', body);
    testLog(
      `replay statuses: other hall ${otherHall.status}, proof of another booking ${swapped.status}, the same booking again ${twice.status}`,
    );
    expect([otherHall.status, swapped.status, twice.status]).toEqual([404, 404, 200]);
    const list = await here.call('dayList', {});
    expect(list.find((b) => b.id === other.id)?.state).toBe('booked');
    // The same booking again keeps its first ticket: the replayed one is not issued.
    expect((twice.body as { ticket: IssuedTicket }).ticket.number).toMatch(/^G01-A\d{3}$/);
    expect((twice.body as { ticket: IssuedTicket }).ticket.number).not.toBe('G01-A999');
    expect((await fetchTickets()).some((t) => t.number === 'G01-A999')).toBe(false);
  });
});

/** Today's tickets of the hall as the hub lists them (a counter's token, demo trust). */
async function fetchTickets(): Promise<Ticket[]> {
  const reg = await fetch(`${hub!.url}/v1/devices/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      installationId: uuidv7(),
      hallCode: HALL,
      stationCode: 'C09',
      registrationSecret: DEV_REGISTRATION_SECRET,
    }),
  });
  const { token } = (await reg.json()) as { token: string };
  const r = await fetch(`${hub!.url}/v1/queue/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ limit: 500 }),
  });
  return (await r.json()) as Ticket[];
}
