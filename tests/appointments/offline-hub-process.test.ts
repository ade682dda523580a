import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/main/services/createServices';
import type { Booking, Slot } from '../../shared/appointments/schemas';
import { hallDate, hallMinutes } from '../../shared/hall-time';
import type { IssuedTicket } from '../../shared/queue/schemas';
import { captureChild, testLog } from '../support/test-log';
import { stationClient } from './appt-client';

/**
 * A real hall hub process (`--mode hub`) killed while a guide desk checks a booking in, then
 * started again on the same file and port: the desk checked in from its copy with an offline
 * 预约 ticket, and the hub ends with the booking checked in and exactly one ticket of that
 * number, however often the station offers it.
 */
const MAIN = resolve(import.meta.dirname, '../../central/main.ts');
const HALL = 'H001';
const dir = mkdtempSync(join(tmpdir(), 'hall-appt-hubproc-'));
let hub: ChildProcess | undefined;
let station: Services | undefined;

afterAll(async () => {
  await station?.close();
  if (hub && hub.exitCode === null) hub.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function startHub(port: number): Promise<{ proc: ChildProcess; url: string }> {
  const args = ['--mode', 'hub', '--demo', '--demo-interval', '0'];
  args.push('--port', String(port), '--db', join(dir, 'hub.db'));
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CENTRAL_ADMIN_TOKEN: 'offline-hub-process-admin' },
  });
  captureChild(proc, 'hub');
  return new Promise((ok, fail) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+?)[\s(]/.exec(out)?.[1];
      if (url) ok({ proc, url });
    });
    proc.once('exit', (code) => fail(new Error(`hub exited (${code}) before listening`)));
  });
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((done) => {
    proc.once('exit', () => done());
    proc.kill('SIGKILL');
  });

const ctx = { transport: 'ipc' as const, actor: 'S001', role: 'guide' as const };
async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await station!.dispatch(method, input, ctx)) as
    { ok: true; value: T } | { ok: false; error: { code: string; messageEn: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.messageEn}`);
  return r.value;
}

// A slot of today round the clock's minute: near hall midnight the offline ticket would be of
// another day when the hub comes back, and the hub rightly refuses those (stale_day).
const nearMidnight = hallMinutes(Date.now()) > 1425;

describe('check-in while the hub process is down', () => {
  it.skipIf(nearMidnight)(
    'kill -9 the hub, check in from the copy, start it again: replayed once, one ticket',
    async () => {
      let { proc, url } = await startHub(0);
      hub = proc;
      const port = Number(new URL(url).port);
      station = createServices({
        auth: { enforce: false },
        transport: 'ipc',
        log: testLog,
        demo: true,
        dbFile: join(dir, 'station.db'),
        centralUrl: url,
        hallCode: HALL,
        stationCode: 'G01',
      });
      const now = hallMinutes(Date.now());
      const startMin = Math.max(0, Math.floor(now) - 5);
      const slot = await call<Slot>('appointments.saveSlot', {
        slot: {
          day: hallDate(Date.now()),
          serviceCode: 'NEW',
          startMin,
          endMin: Math.min(1440, startMin + 60),
          capacity: 3,
        },
      });
      await station.queue.config();
      const booking = await call<Booking>('appointments.book', {
        slotId: slot.id,
        mobile: '13957318866',
      });
      expect(await station.appointments.offline!.sync.refresh()).toBe(true);

      await killed(proc);
      const done = await call<{ booking: Booking; ticket: IssuedTicket }>('appointments.checkIn', {
        code: booking.code,
        mobile: '13957318866',
      });
      expect(done.ticket).toMatchObject({ offline: true, priority: 'appointment' });

      ({ proc, url } = await startHub(port));
      hub = proc;
      // Twice each, as a lost answer would make it: the hub takes it once.
      const replayed = [
        await station.appointments.offline!.sync.replay(),
        await station.appointments.offline!.sync.replay(),
      ];
      await station.queue.mergeOffline();
      await station.queue.mergeOffline();
      const guide = await stationClient(url, HALL, 'G02');
      const mine = (await guide.call('dayList', {})).find((b) => b.id === booking.id);
      const tickets = await call<IssuedTicket[]>('queue.tickets', { limit: 500 });
      const sameNumber = tickets.filter((t) => t.number === done.ticket.number);
      testLog(
        `hub process restarted: check-ins taken per replay round ${replayed.join(', ')}; hub tickets numbered ${done.ticket.number}: ${sameNumber.length}`,
      );
      expect(replayed).toEqual([1, 0]);
      expect(mine).toMatchObject({ state: 'checked_in', ticketNumber: done.ticket.number });
      expect(sameNumber.map((t) => t.priority)).toEqual(['appointment']);
    },
    60_000,
  );
});
