import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../central/server';
import { openCentralStore } from '../../central/store/open';
import { all, get } from '../../central/store/work';
import { postgresMissing, startPostgres, type PostgresServer } from '../support/postgres';
import { hubCipher } from '../../central/queue/draft-sealing';
import { QueueStore } from '../../central/queue/store';
import { AppointmentStore } from '../../central/appointments/store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import { DAY_MS, hallDate } from '../../shared/hall-time';
import { captureChild } from '../support/test-log';
import { onlineClient, stationClient, type ApptClient } from './appt-client';

/**
 * "No overbooking from several stations at once": counters, guide desks, kiosks and an online
 * channel book the same small slots at the same moment over real HTTP against the hub, then
 * five processes with their own connections to one store do the same; each on SQLite (the
 * embedded default) and on PostgreSQL. Every slot must end with exactly its capacity booked,
 * never more, and the slot's count must match its rows.
 */
const HALL = 'HALL-A';
const TOMORROW = hallDate(Date.now() + DAY_MS);
const SLOTS = 8;
const PROC_SLOTS = 4;
const CAPACITY = 3;
const pgMissing = postgresMissing();
if (pgMissing) console.log(`appointment concurrency on PostgreSQL skipped: ${pgMissing}`);
const ENGINES = pgMissing ? (['SQLite'] as const) : (['SQLite', 'PostgreSQL'] as const);
type Engine = (typeof ENGINES)[number];

let server: PostgresServer | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres({ settings: { fsync: 'off' } });
});
afterAll(() => server?.stop());

let dir: string;
let central: CentralHandle | undefined;
/** A SQLite file in the test's folder, or a fresh database on the test server. */
const storeFor = async (engine: Engine, file: string): Promise<string> =>
  engine === 'PostgreSQL' && server ? server.freshDatabase() : join(dir, file);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-appt-conc-'));
});
afterEach(async () => {
  await central?.close();
  central = undefined;
  rmSync(dir, { recursive: true, force: true });
});

interface SlotCount {
  id: string;
  capacity: number;
  booked: number;
  n: number;
}
const PER_SLOT = `SELECT s.id, s.capacity, s.booked,
    (SELECT count(*) FROM appt_bookings b WHERE b.slot_id = s.id AND b.state <> 'cancelled') AS n
  FROM appt_slots s`;

/** A small seeded generator, so a failing run can be repeated. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fisher–Yates with the seeded generator: who asks first differs from slot to slot. */
function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
describe.each(ENGINES)('appointment booking concurrency on %s', (engine) => {
  it('6 clients (stations and an online channel) booking 8 slots of 3 at once over HTTP, 10 rounds: never over capacity', async () => {
    central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: await storeFor(engine, 'hub.db'),
      keyFile: join(dir, 'hub-keys.json'),
    });
    const url = central.url;
    const supervisor = await stationClient(url, HALL, 'S01');
    const clients: ApptClient[] = [
      supervisor,
      await stationClient(url, HALL, 'C01'),
      await stationClient(url, HALL, 'C02'),
      await stationClient(url, HALL, 'G01'),
      await stationClient(url, HALL, 'K01'),
      await onlineClient(url, central.adminToken, HALL, 'WEB01'),
    ];
    let accepted = 0;
    let full = 0;
    const ROUNDS = 10;
    const random = lcg(20260302);
    for (let round = 0; round < ROUNDS; round++) {
      // Fresh slots each round (another service start time), so every round contends again.
      const slots = await Promise.all(
        Array.from({ length: SLOTS }, (_, i) =>
          supervisor.call('saveSlot', {
            slot: {
              day: TOMORROW,
              serviceCode: DEFAULT_QUEUE_CONFIG.services[i % 3]!.code,
              startMin: 480 + round * 20 + i,
              endMin: 480 + round * 20 + i + 15,
              capacity: CAPACITY,
            },
          }),
        ),
      );
      // Every client tries every slot twice at once: 6 × 8 × 2 = 96 requests for 24 places.
      const attempts: (() => Promise<void>)[] = clients.flatMap((c, ci) =>
        slots.flatMap((s, si) =>
          [0, 1].map((k) => async () => {
            const mobile = `138${String(round).padStart(2, '0')}${ci}${si}${k}000`.slice(0, 11);
            const r = await c.raw('book', { requestId: uuidv7(), slotId: s.id, mobile });
            if (r.status === 200) accepted++;
            else if (r.status === 409 && (r.body as { reason?: string }).reason === 'slot_full')
              full++;
            else throw new Error(`book answered ${r.status}`);
          }),
        ),
      );
      await Promise.all(shuffled(attempts, random).map((attempt) => attempt()));
    }
    const rows = await central.store.read(() => all<SlotCount>(PER_SLOT));
    expect(rows).toHaveLength(SLOTS * ROUNDS);
    const over = rows.filter((r) => r.n > r.capacity || r.booked > r.capacity);
    expect(over).toEqual([]);
    expect(rows.filter((r) => r.n !== r.booked)).toEqual([]);
    expect(accepted).toBe(SLOTS * ROUNDS * CAPACITY);
    expect(full).toBe(SLOTS * ROUNDS * (clients.length * 2 - CAPACITY));
    const online = (await central.store.read(() =>
      get<{ n: number }>("SELECT count(*) AS n FROM appt_bookings WHERE channel = 'online'"),
    )) ?? { n: 0 };
    expect(online.n).toBeGreaterThan(0); // the online channel took part and won places
    console.log(
      `appointment concurrency http (${engine}): slots=${rows.length} capacity_each=${CAPACITY} attempts=${accepted + full} booked=${accepted} refused_full=${full} over_capacity=${over.length} online_booked=${online.n}`,
    );
  });

  it('5 processes with their own connections booking one store: never over capacity', async () => {
    await bookersInProcesses(await storeFor(engine, 'shared.db'), engine);
  });
});

/** Per slot: capacity, the slot's own count, and the rows that hold a place (any store). */
async function perSlotIn(dbFile: string): Promise<SlotCount[]> {
  const opened = await openCentralStore({ dbFile });
  try {
    return await opened.store.read(() => all<SlotCount>(PER_SLOT));
  } finally {
    await opened.store.close();
  }
}

/** Five booking processes, each with its own connection to one store, race for 4 slots of 5. */
async function bookersInProcesses(dbFile: string, engine: Engine): Promise<void> {
  const keyFile = join(dir, 'hub-keys.json');
  const opened = await openCentralStore({ dbFile });
  const cipher = hubCipher(dbFile, keyFile);
  const queue = new QueueStore(opened.store, { cipher });
  await queue.saveConfig(HALL, { config: DEFAULT_QUEUE_CONFIG });
  const store = new AppointmentStore(opened.store, { cipher });
  const slotIds: string[] = [];
  for (let i = 0; i < PROC_SLOTS; i++) {
    const slot = await store.saveSlot(HALL, {
      slot: {
        day: TOMORROW,
        serviceCode: 'NEW',
        startMin: 540 + i * 30,
        endMin: 560 + i * 30,
        capacity: 5,
      },
    });
    slotIds.push(slot.id);
  }
  await opened.store.close();
  const PROCS = 5;
  const TRIES = 4; // each process tries each slot 4 times: 20 tries for 5 places
  const child = resolve(import.meta.dirname, 'booking-child.ts');
  let ready = 0;
  let goAll: () => void = () => undefined;
  const allReady = new Promise<void>((r) => (goAll = r));
  const procs = Array.from({ length: PROCS }, (_, i) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        child,
        dbFile,
        keyFile,
        HALL,
        `C0${i + 1}`,
        slotIds.join(','),
        String(TRIES),
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    ),
  );
  procs.forEach((p, i) => captureChild(p, `booker-${i + 1}`));
  const results = procs.map(
    (p) =>
      new Promise<string[]>((done, fail) => {
        let out = '';
        let err = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          if (d.toString().includes('ready') && ++ready === PROCS) goAll();
        });
        p.on('close', (code) =>
          code === 0 ? done(out.split('\n').filter(Boolean)) : fail(new Error(err)),
        );
      }),
  );
  await allReady;
  for (const p of procs) p.stdin.end('go\n');
  const outputs = await Promise.all(results);
  const booked = outputs.flat();
  const rows = await perSlotIn(dbFile);
  const over = rows.filter((r) => r.n > r.capacity || r.booked > r.capacity);
  expect(over).toEqual([]);
  expect(rows.every((r) => r.n === r.capacity && r.booked === r.capacity)).toBe(true);
  expect(booked.length).toBe(PROC_SLOTS * 5);
  expect(new Set(booked).size).toBe(booked.length);
  console.log(
    `appointment concurrency processes (${engine}): procs=${PROCS} slots=${PROC_SLOTS} capacity_each=5 attempts=${PROCS * TRIES * PROC_SLOTS} booked=${booked.length} per_process=${outputs.map((o) => o.length).join('/')} over_capacity=${over.length}`,
  );
  expect(outputs.filter((o) => o.length > 0).length).toBeGreaterThanOrEqual(2);
}
