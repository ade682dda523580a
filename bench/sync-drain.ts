/**
 * Draining the outbox to the reference central system on loopback:
 *   npx tsx bench/sync-drain.ts [--count 10000] [--batch 100] [--single-count 2000] [--cpu-prof DIR]
 *     [--transport node|fetch]
 * 1. applications/s batched: the first request carries --batch operations, then the size
 *    adapts (up to the protocol's 500) and two requests overlap, while the counter keeps
 *    submitting (real applications.submit through the dispatcher every 25 ms): their latency,
 *    against an idle baseline, is the "submit latency while draining";
 * 2. applications/s with one request per operation (over --single-count applications).
 * The central system runs in its own process (as it would on its own machine), WAL + FULL on
 * both sides. Afterwards the central ledger is checked: one record per application, central
 * numbers 1..n per hall and day without gaps, no operation out of order.
 * `--cpu-prof DIR` writes CPU profiles into DIR: central's whole process (node --cpu-prof) and
 * the console's batched drain only (console-drain.cpuprofile). `--transport fetch` sends through
 * undici's fetch instead of the client's default node:http transport.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import Database from 'better-sqlite3';
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
import {
  createNodeTransport,
  type Transport,
} from '../electron/main/services/central-client/node-transport';
import { transportOfFetch } from '../electron/main/services/central-client/http';
import { seedQueued } from '../electron/main/services/sync/testing/seed';
import { DEV_REGISTRATION_SECRET } from '../central/server';
import { arg, ms, now, quantile } from './lib';

const count = Number(arg('count') ?? 10_000);
const batch = Number(arg('batch') ?? 100);
const singleCount = Number(arg('single-count') ?? 2000);
const profileDir = arg('cpu-prof');
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-sync-'));
if (profileDir) mkdirSync(profileDir, { recursive: true });

/** The console's own CPU profile of `fn` (DevTools format), when --cpu-prof is given. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!profileDir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function startCentralProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
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

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks
  } catch {
    return NaN;
  }
}
const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const OP_START = '{"opId":';
/** Pushes and the operations they carried, counted on the way out. */
const pushes = { requests: 0, ops: 0, largest: 0 };
// `--transport fetch`: the client's old way out (undici fetch), to compare on one tree.
const send: Transport =
  arg('transport') === 'fetch'
    ? transportOfFetch((input, init) => fetch(input, init))
    : createNodeTransport();
const countingTransport: Transport = (input, init) => {
  if (input.endsWith('/v1/ops') && init.body !== undefined) {
    // Counted without parsing the body (that would be charged to the console's CPU): each
    // operation object starts with its opId, and the bench's application payloads hold no
    // object with that key (a quote inside a JSON string is escaped, so no string value
    // can hold the pattern either). Counted with indexOf: a split made 500 strings per request,
    // charged to the console's CPU.
    const body = init.body;
    const find = (from: number): number =>
      typeof body === 'string' ? body.indexOf(OP_START, from) : body.indexOf(OP_START, from);
    let n = 0;
    for (let at = find(0); at >= 0; at = find(at + 1)) n++;
    pushes.requests++;
    pushes.ops += n;
    pushes.largest = Math.max(pushes.largest, n);
  }
  return send(input, init);
};

/**
 * Runs sync cycles until the outbox is empty. One network failure is sent again at once: on a
 * loaded machine seeding can keep the console busy past the server's 5 s keep-alive, and the
 * first request then meets the pooled socket central has just closed (the engine itself would
 * back off and retry). A second failure ends the bench.
 */
async function drain(engine: SyncEngine): Promise<{ seconds: number; rounds: number }> {
  const t = now();
  let rounds = 0;
  let resent = false;
  for (;;) {
    rounds++;
    const outcome = await engine.runOnce();
    if (outcome.next === 'retry') {
      const error = engine.status().lastError ?? '';
      if (resent || !error.startsWith('network')) throw new Error(`sync failed: ${error}`);
      resent = true;
      console.log(`  (one request sent again after: ${error})`);
      continue;
    }
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
    transport: countingTransport,
  });

/** Read after the run from central's own file: the guarantees the speed must not cost. */
function checkLedger(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT central_no, app_no FROM applications').all() as {
      central_no: string;
      app_no: string;
    }[];
    const byDay = new Map<string, number[]>();
    for (const r of rows) {
      const prefix = r.central_no.slice(0, -7);
      const day = byDay.get(prefix) ?? [];
      day.push(Number(r.central_no.slice(-6)));
      byDay.set(prefix, day);
    }
    const gapless = [...byDay.values()].every((ns) =>
      ns.sort((a, b) => a - b).every((n, i) => n === i + 1),
    );
    const orderViolations = db.prepare('SELECT count(*) FROM order_violations').pluck().get();
    return {
      applications: rows.length,
      duplicates: rows.length - new Set(rows.map((r) => r.app_no)).size,
      gapless,
      orderViolations: Number(orderViolations),
    };
  } finally {
    db.close();
  }
}

const load = loadavg()[0] ?? 0;
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
  Object.assign(pushes, { requests: 0, ops: 0, largest: 0 });
  const cpu0 = { console: ownCpuMs(), central: cpuMsOf(child.pid ?? 0) };
  const batched = await profiled('console-drain', () => drain(engine));
  const cpu = {
    console: ownCpuMs() - cpu0.console,
    central: cpuMsOf(child.pid ?? 0) - cpu0.central,
  };
  const batchedPushes = { ...pushes };
  draining = false;
  await submitter;
  const drainedA = engine.status().counts.acknowledged - before;
  await a.close();

  // 2. One request per operation.
  const b = consoleFor('single');
  seedQueued(b.db, singleCount, { hallCode: DEFAULT_HALL_CODE, stationCode: 'C02' });
  Object.assign(pushes, { requests: 0, ops: 0, largest: 0 });
  const single = await drain(engineOn(b, url, 1, 'C02'));
  const singlePushes = { ...pushes };
  await b.close();
  const ledger = checkLedger(join(dir, 'central.db'));

  const rate = Math.round(drainedA / batched.seconds);
  const singleRate = Math.round(singleCount / single.seconds);
  console.log(
    `drain apps_per_s=${rate} (${drainedA.toLocaleString('en')} applications in ` +
      `${batched.seconds.toFixed(2)} s over ${batchedPushes.requests} requests, batch ${batch} ` +
      `growing to ${batchedPushes.largest}, two in flight; load average at start ${load.toFixed(2)})`,
  );
  const perApp = (cpuMs: number) => ((cpuMs * 1000) / drainedA).toFixed(0);
  console.log(
    `  CPU per application while draining: console ${perApp(cpu.console)} µs (its submits ` +
      `included), central ${perApp(cpu.central)} µs: with a core each and nothing else ` +
      `running, about ${Math.round(1e6 / Math.max(Number(perApp(cpu.console)), Number(perApp(cpu.central)))).toLocaleString('en')} apps/s`,
  );
  console.log(
    `drain_single apps_per_s=${singleRate} (${singleCount.toLocaleString('en')} applications in ` +
      `${single.seconds.toFixed(2)} s over ${singlePushes.requests} requests, one operation each)`,
  );
  console.log(
    `  submit latency idle:           p50 ${ms(quantile(idle, 0.5))}  p95 ${ms(quantile(idle, 0.95))}  max ${ms(Math.max(...idle))} (${idle.length} submits)`,
  );
  console.log(
    `  submit latency while draining: p50 ${ms(quantile(during, 0.5))}  p95 ${ms(quantile(during, 0.95))}  max ${ms(Math.max(...during))} (${during.length} submits)`,
  );
  console.log(
    `  central ledger: ${ledger.applications.toLocaleString('en')} applications, ` +
      `${ledger.duplicates} duplicates, numbers without gaps: ${ledger.gapless}, ` +
      `order violations: ${ledger.orderViolations}`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
