/**
 * The CPU of draining, per application and per phase, in process (no network, no submits):
 *   npx tsx bench/drain-parts.ts [--count 10000] [--batch 500] [--side console|central|both]
 * The console's side: choose the batch (and open the payloads), mark the attempt, build the
 * body, record the answers (with the commit), as the pusher does for each request. Central's:
 * decode and parse the body, apply the batch (one transaction, WAL + FULL), answer in JSON.
 * Each side works on its own temporary files; figures are process.cpuUsage per application.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { createOutbox } from '../electron/main/services/sync/outbox';
import { openSyncDb, seedQueued } from '../electron/main/services/sync/testing/seed';
import { pushBody } from '../electron/main/services/sync/push-body';
import { createCentralCore } from '../central/server';
import type { OpResult } from '../shared/sync/protocol';
import { arg } from './lib';

const count = Number(arg('count') ?? 10_000);
const batch = Number(arg('batch') ?? 500);
const side = arg('side') ?? 'both';
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-parts-'));
const HALL = 'HALL01';
const DEVICE = '0190aaaa-0000-7000-8000-000000000001';

const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
/** CPU µs of fn, added to phases[name]. */
function timed<T>(phases: Map<string, number>, name: string, fn: () => T): T {
  const t = cpuUs();
  const out = fn();
  phases.set(name, (phases.get(name) ?? 0) + cpuUs() - t);
  return out;
}
function report(title: string, phases: Map<string, number>, apps: number): void {
  const total = [...phases.values()].reduce((a, b) => a + b, 0);
  const parts = [...phases].map(([k, v]) => `${k} ${(v / apps).toFixed(1)}`).join(', ');
  console.log(`${title} ${(total / apps).toFixed(1)} µs per application (${parts})`);
}

/** The console's rows as the pusher sends them, and central's answers to them. */
function consoleSide(bodies: Buffer[] | undefined): void {
  const db = openSyncDb(join(dir, 'console.db'));
  seedQueued(db, count, { hallCode: HALL, stationCode: 'C01' });
  const outbox = createOutbox(db);
  const phases = new Map<string, number>();
  let apps = 0;
  let n = 0;
  for (;;) {
    const rows = timed(phases, 'choose+open', () => outbox.nextBatch(batch));
    if (rows.length === 0) break;
    timed(phases, 'mark', () => outbox.markAttempt(rows));
    // The bytes that go on the wire (a text body's encoding counted too: the sender pays it).
    const body = timed(phases, 'body', () => pushBody(rows, DEVICE, undefined));
    bodies?.push(body);
    const results: OpResult[] = rows.map((r) => ({
      opId: r.op_id,
      status: 'applied',
      centralNo: `${HALL}-20261201-${String(++n).padStart(6, '0')}`,
      centralVersion: 1,
      stage: 'accepted',
    }));
    timed(phases, 'record', () =>
      outbox.transaction(() => outbox.recordResults(rows, results, Date.now())),
    );
    apps += rows.length;
  }
  report('console', phases, apps);
  db.close();
}

async function centralSide(bodies: Buffer[]): Promise<void> {
  const core = createCentralCore({ dbFile: join(dir, 'central.db'), keyFile: ':ephemeral:' });
  const device = { deviceId: DEVICE, hallCode: HALL, stationCode: 'C01' };
  const phases = new Map<string, number>();
  let apps = 0;
  for (const buf of bodies) {
    const parsed = timed(
      phases,
      'decode+parse',
      () => JSON.parse(buf.toString('utf8')) as { ops: unknown[] },
    );
    const t = cpuUs();
    const results = await core.ledger.applyBatch(device, parsed.ops);
    phases.set('apply', (phases.get('apply') ?? 0) + cpuUs() - t);
    timed(phases, 'answer', () => JSON.stringify({ results }));
    const refused = results.find((r) => r.status !== 'applied');
    if (refused) throw new Error(`not applied: ${refused.reasonCode ?? refused.status}`);
    apps += parsed.ops.length;
  }
  report('central', phases, apps);
}

try {
  console.log(
    `load average at start ${loadavg()[0]?.toFixed(2)}; ${count} applications, batches of ${batch}`,
  );
  const bodies: Buffer[] = [];
  consoleSide(side === 'console' ? undefined : bodies);
  if (side !== 'console') await centralSide(bodies);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
