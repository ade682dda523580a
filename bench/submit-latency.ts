/**
 * Submit-to-durable latency: each `applications.submit` through the dispatcher, on a real
 * file with WAL + synchronous=FULL, timed from the call until it returns (the transaction
 * with application, history and outbox row has committed and been fsynced).
 *   npx tsx bench/submit-latency.ts [--count 10000] [--synchronous normal]
 * `--synchronous normal` (never used by the product) shows how much of the time is the fsync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../shared/catalogue';
import { createServices } from '../electron/main/services/createServices';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../electron/main/services/testing/fixtures';
import { arg, ms, now, quantile } from './lib';

const count = Number(arg('count') ?? 10_000);
const warmup = 200;
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-submit-'));
const services = createServices({
  // A trusted in-process caller: no sign-in, no role gate.
  auth: { enforce: false },
  dbFile: join(dir, 'hall.db'),
  transport: 'ipc',
  log: () => undefined,
});
const synchronous = arg('synchronous');
if (synchronous)
  services.db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
const ctx = { transport: 'ipc' as const, actor: 'bench' };
const type = householdNewType(CATALOGUE);
const random = rng(3);

const samples: number[] = [];
const started = now();
for (let i = 0; i < warmup + count; i++) {
  const input = fakeApplicationInput(type, random, new Date());
  const t = now();
  const res = await services.dispatch('applications.submit', input, ctx);
  const elapsed = now() - t;
  if (!res.ok) throw new Error(`submit failed: ${res.error.code} ${res.error.field ?? ''}`);
  if (i >= warmup) samples.push(elapsed);
}
const wall = (now() - started) / 1000;
const sync = services.db.pragma('synchronous', { simple: true });
const journal = services.db.pragma('journal_mode', { simple: true });
await services.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  `submit-to-durable over ${count.toLocaleString('en')} submits ` +
    `(journal_mode=${String(journal)}, synchronous=${String(sync)}):`,
);
console.log(
  `  p50 ${ms(quantile(samples, 0.5))}  p90 ${ms(quantile(samples, 0.9))}  ` +
    `p99 ${ms(quantile(samples, 0.99))}  max ${ms(Math.max(...samples))}`,
);
console.log(`  ${Math.round((warmup + count) / wall).toLocaleString('en')} submits/s sequential`);
