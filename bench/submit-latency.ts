/**
 * Submit-to-durable latency: each `applications.submit` through the dispatcher, on a real
 * file with WAL + synchronous=FULL, timed from the call until it returns (the transaction
 * with application, history, outbox row and customer record has committed and been fsynced).
 *   npx tsx bench/submit-latency.ts [--count 10000] [--chunk 500] [--synchronous normal]
 *     [--central]
 * In the same run, the floor: the same rows, the customer's included (read back as stored),
 * written by a bare better-sqlite3 transaction with FULL into a copy of the same schema
 * (bench/submit-floor.ts).
 * Submits and floor writes alternate in chunks, so both see the same machine load.
 * `--synchronous normal` (never used by the product) shows how much of the time is the fsync.
 * `--central`: a station with its central system configured (never started, as in the
 * customer-sync tests), as in a hall: each new customer also queues its own operation.
 * Checkpoints: the station's WAL is checkpointed by its worker thread (db/wal-checkpointer.ts),
 * and so is the floor's, by one of its own. `--checkpoint sqlite`: both leave it to SQLite,
 * which checkpoints inside the commit that takes the log past 1,000 pages (as before the worker).
 * `--pause-ms N`: a pause of N ms after each submit and each floor transaction (outside the
 * timing; the main thread sleeps, the checkpoint workers do not), as between two customers at a
 * counter: the gaps a worker checkpoints in. Without it the commits follow each other at once.
 * For each, how many commits were followed by the log starting over (a complete checkpoint ran
 * on, or just before, that commit) and how many of the slowest 1 % those were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../shared/catalogue';
import { createServices } from '../electron/main/services/createServices';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../electron/main/services/testing/fixtures';
import { arg, ms, now, quantile } from './lib';
import { startWalCheckpointer } from '../electron/main/services/db/wal-checkpointer';
import { createSubmitFloor } from './submit-floor';
import { walRestartReader } from './wal-restarts';
import { walFramesPer } from './wal-frames';

const count = Number(arg('count') ?? 10_000);
const chunk = Number(arg('chunk') ?? 500);
const warmup = 200;
const central = process.argv.includes('--central');
const sqliteCheckpoints = arg('checkpoint') === 'sqlite';
const pauseMs = Number(arg('pause-ms') ?? 0);
const pauseCell = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps the main thread only (worker threads go on). */
const pause = (): void => {
  if (pauseMs > 0) Atomics.wait(pauseCell, 0, 0, pauseMs);
};
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-submit-'));
const services = createServices({
  // A trusted in-process caller: no sign-in, no role gate.
  auth: { enforce: false },
  dbFile: join(dir, 'hall.db'),
  transport: 'ipc',
  log: () => undefined,
  // The worker from the first submit on, as in a station that has been up for its first 5 s.
  walCheckpoint: sqliteCheckpoints ? false : { startAfterMs: 0 },
  ...(central ? { centralUrl: 'http://127.0.0.1:9', demo: true, startSync: false } : {}),
});
const synchronous = arg('synchronous');
if (synchronous)
  services.db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
const floor = createSubmitFloor(services.db, join(dir, 'floor.db'));
const floorCheckpointer = sqliteCheckpoints ? undefined : startWalCheckpointer(floor.db);
const restarts = {
  submit: walRestartReader(services.db.name),
  floor: walRestartReader(floor.file),
};
/** Per sample: was the log started over by the next commit (a checkpoint ran on or after it). */
const beforeRestart = { submit: [] as boolean[], floor: [] as boolean[] };
const markRestarts = (side: 'submit' | 'floor', n: number, seqs: number[]): void => {
  const marks = beforeRestart[side];
  for (let i = 0; i < n; i++) marks.push(false);
  // seqs[i] is read after commit i; a change at i means commit i-1 preceded the restart.
  for (let i = 1; i < seqs.length; i++) {
    if (seqs[i] !== seqs[i - 1]) marks[marks.length - n + i - 1] = true;
  }
};
const ctx = { transport: 'ipc' as const, actor: 'bench' };
const type = householdNewType(CATALOGUE);
const random = rng(3);

const inputs = (n: number) =>
  Array.from({ length: n }, () => fakeApplicationInput(type, random, new Date()));

async function submitChunk(
  chunkInputs: ReturnType<typeof inputs>,
): Promise<{ times: number[]; ids: string[]; seqs: number[] }> {
  const times: number[] = [];
  const ids: string[] = [];
  const seqs: number[] = [];
  for (const input of chunkInputs) {
    const t = now();
    const res = await services.dispatch('applications.submit', input, ctx);
    const elapsed = now() - t;
    if (!res.ok) throw new Error(`submit failed: ${res.error.code} ${res.error.field ?? ''}`);
    times.push(elapsed);
    ids.push((res.value as { id: string }).id);
    seqs.push(restarts.submit.read());
    pause();
  }
  return { times, ids, seqs };
}

const load = loadavg()[0] ?? 0;
const warm = await submitChunk(inputs(warmup));
floor.replay(floor.capture(warm.ids));
const samples: number[] = [];
const floorSamples: number[] = [];
let submitWall = 0;
// CPU time (user + system) of this process: less at the mercy of other jobs than the clock.
const cpu = { submit: 0, floor: 0 };
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let done = 0; done < count; done += chunk) {
  const chunkInputs = inputs(Math.min(chunk, count - done));
  const t = now();
  let c = cpuMs();
  const { times, ids, seqs } = await submitChunk(chunkInputs);
  cpu.submit += cpuMs() - c;
  submitWall += now() - t;
  samples.push(...times);
  markRestarts('submit', times.length, seqs);
  const rows = floor.capture(ids);
  const floorSeqs: number[] = [];
  c = cpuMs();
  floorSamples.push(
    ...floor.replay(rows, () => {
      floorSeqs.push(restarts.floor.read());
      pause();
    }),
  );
  cpu.floor += cpuMs() - c;
  markRestarts('floor', rows.length, floorSeqs);
}
const workerStats = {
  submit: await services.walCheckpointer?.stats(),
  floor: await floorCheckpointer?.stats(),
};
// The workers would start the logs over while they are counted.
await services.walCheckpointer?.stop();
await floorCheckpointer?.stop();
restarts.submit.close();
restarts.floor.close();
// Pages written per commit, on 100 more of each (no timing): a count the load does not move.
const walCount = 100;
let walIds: string[] = [];
const walInputs = inputs(walCount);
const submitPages = await walFramesPer(services.db, services.db.name, walCount, async () => {
  walIds = (await submitChunk(walInputs)).ids;
});
const walRows = floor.capture(walIds);
const floorPages = await walFramesPer(floor.db, floor.file, walCount, () => floor.replay(walRows));
const sync = services.db.pragma('synchronous', { simple: true });
const journal = services.db.pragma('journal_mode', { simple: true });
floor.close();
await services.close();
rmSync(dir, { recursive: true, force: true });

const p = (xs: number[], q: number) => quantile(xs, q).toFixed(3);
const p99 = quantile(samples, 0.99);
const floorP99 = quantile(floorSamples, 0.99);
console.log(
  `submit p50_ms=${p(samples, 0.5)} p99_ms=${p(samples, 0.99)} floor_p99_ms=${p(floorSamples, 0.99)} ` +
    `ratio=${(p99 / floorP99).toFixed(2)} (${samples.length.toLocaleString('en')} submits and as many ` +
    `floor transactions, alternating in chunks of ${chunk}; journal_mode=${String(journal)}, ` +
    `synchronous=${String(sync)}; ${pauseMs > 0 ? `${pauseMs} ms pause after each; ` : ''}checkpoints by ${sqliteCheckpoints ? 'SQLite on commit' : 'a worker thread'}` +
    `${central ? '; central configured' : ''}; load average at start ${load.toFixed(2)})`,
);
console.log(
  `  submit: p50 ${ms(quantile(samples, 0.5))}  p90 ${ms(quantile(samples, 0.9))}  ` +
    `p99 ${ms(p99)}  max ${ms(Math.max(...samples))}  ` +
    `${Math.round(samples.length / ((submitWall - pauseMs * samples.length) / 1000)).toLocaleString('en')} submits/s sequential`,
);
console.log(
  `  CPU per submit ${((cpu.submit * 1000) / samples.length).toFixed(0)} µs, ` +
    `per floor transaction ${((cpu.floor * 1000) / floorSamples.length).toFixed(0)} µs`,
);
console.log(
  `  WAL pages written per submit ${submitPages.toFixed(1)}, per floor transaction ` +
    `${floorPages.toFixed(1)} (over ${walCount} more of each, auto-checkpoint off)`,
);
console.log(
  `  floor:  p50 ${ms(quantile(floorSamples, 0.5))}  p90 ${ms(quantile(floorSamples, 0.9))}  ` +
    `p99 ${ms(floorP99)}  max ${ms(Math.max(...floorSamples))}`,
);
const tail = (side: 'submit' | 'floor', xs: number[]): string => {
  const marks = beforeRestart[side];
  const cut = quantile(xs, 0.99);
  const slow = xs.flatMap((x, i) => (x >= cut ? [i] : []));
  const w = workerStats[side];
  return (
    `${marks.filter(Boolean).length} commits followed by the log starting over, ` +
    `${slow.filter((i) => marks[i]).length} of the ${slow.length} slowest` +
    (w ? `; worker: ${w.passive} passive checkpoints, largest log ${w.maxLogFrames} frames` : '')
  );
};
console.log(`  submit checkpoints: ${tail('submit', samples)}`);
console.log(`  floor checkpoints:  ${tail('floor', floorSamples)}`);
