/**
 * Draining the outbox to the reference central system on loopback:
 *   npx tsx bench/sync-drain.ts [--count 10000] [--batch 100]
 * 1. applications/s with batches of --batch operations, while the counter keeps submitting
 *    (real applications.submit through the dispatcher every 25 ms): their latency, against an
 *    idle baseline, is the "submit latency while draining";
 * 2. applications/s with one request per operation.
 * The central system runs in its own process (as it would on its own machine), WAL + FULL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../shared/catalogue';
import {
  createServices,
  DEFAULT_HALL_CODE,
  DEFAULT_STATION_CODE,
} from '../electron/main/services/createServices';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../electron/main/services/testing/fixtures';
import { SyncEngine } from '../electron/main/services/sync/engine';
import { seedQueued } from '../electron/main/services/sync/testing/seed';
import { DEV_REGISTRATION_SECRET } from '../central/server';
import { arg, ms, now, quantile } from './lib';

const count = Number(arg('count') ?? 10_000);
const batch = Number(arg('batch') ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-sync-'));

async function startCentralProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'central/main.ts',
      '--port',
      '0',
      '--db',
      join(dir, 'central.db'),
      // Demo mode's trust (the development secret the bench console uses), no advancing.
      '--demo',
      '--demo-interval',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`central exited ${code}`)));
  });
  return { url, child };
}

const ctx = { transport: 'ipc' as const, actor: 'bench' };
const type = householdNewType(CATALOGUE);
const random = rng(9);

function consoleFor(name: string) {
  const services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(dir, `${name}.db`),
    transport: 'ipc',
    log: () => undefined,
  });
  return services;
}

async function submitTimed(services: ReturnType<typeof createServices>): Promise<number> {
  const t = now();
  const res = await services.dispatch(
    'applications.submit',
    fakeApplicationInput(type, random, new Date()),
    ctx,
  );
  if (!res.ok) throw new Error(`submit failed: ${res.error.code}`);
  return now() - t;
}

async function drain(engine: SyncEngine): Promise<{ seconds: number; rounds: number }> {
  const t = now();
  let rounds = 0;
  for (;;) {
    rounds++;
    const outcome = await engine.runOnce();
    if (outcome.next === 'retry') throw new Error(`sync failed: ${engine.status().lastError}`);
    if (engine.status().counts.pending === 0) break;
  }
  return { seconds: (now() - t) / 1000, rounds };
}

const engineOn = (
  services: ReturnType<typeof createServices>,
  url: string,
  batchSize: number,
  station: string,
) =>
  new SyncEngine({
    db: services.db,
    centralUrl: url,
    hallCode: DEFAULT_HALL_CODE,
    stationCode: station,
    registrationSecret: DEV_REGISTRATION_SECRET,
    batchSize,
    pullPageSize: 1000,
  });

const { url, child } = await startCentralProcess();
try {
  // 1. Batched, with the counter submitting meanwhile.
  const a = consoleFor('batched');
  const idle: number[] = [];
  for (let i = 0; i < 200; i++) idle.push(await submitTimed(a));
  await engineOn(a, url, batch, DEFAULT_STATION_CODE).runOnce(); // register, drain the 200
  seedQueued(a.db, count, { hallCode: DEFAULT_HALL_CODE, stationCode: DEFAULT_STATION_CODE });
  const engine = engineOn(a, url, batch, DEFAULT_STATION_CODE);
  const during: number[] = [];
  let draining = true;
  const submitter = (async () => {
    while (draining) {
      during.push(await submitTimed(a));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const before = engine.status().counts.acknowledged;
  const batched = await drain(engine);
  draining = false;
  await submitter;
  const drainedA = engine.status().counts.acknowledged - before;
  await a.close();

  // 2. One request per operation.
  const b = consoleFor('single');
  seedQueued(b.db, count, { hallCode: DEFAULT_HALL_CODE, stationCode: 'C02' });
  const single = await drain(engineOn(b, url, 1, 'C02'));
  await b.close();

  console.log(
    `drain ${count.toLocaleString('en')} queued applications to the reference central system (loopback):`,
  );
  console.log(
    `  batched (${batch}/request): ${drainedA.toLocaleString('en')} in ${batched.seconds.toFixed(1)} s = ` +
      `${Math.round(drainedA / batched.seconds).toLocaleString('en')} apps/s`,
  );
  console.log(
    `  one request per op:        ${count.toLocaleString('en')} in ${single.seconds.toFixed(1)} s = ` +
      `${Math.round(count / single.seconds).toLocaleString('en')} apps/s`,
  );
  console.log(
    `  submit latency idle:           p50 ${ms(quantile(idle, 0.5))}  p95 ${ms(quantile(idle, 0.95))}  max ${ms(Math.max(...idle))} (${idle.length} submits)`,
  );
  console.log(
    `  submit latency while draining: p50 ${ms(quantile(during, 0.5))}  p95 ${ms(quantile(during, 0.95))}  max ${ms(Math.max(...during))} (${during.length} submits)`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
