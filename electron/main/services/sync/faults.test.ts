import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEV_REGISTRATION_SECRET,
  startCentral,
  type CentralHandle,
} from '../../../../central/server';
import { FAULT_KINDS } from '../../../../central/faults';
import type { Database } from '../db';
import { SyncEngine } from './engine';
import { openSyncDb, seedQueued } from './testing/seed';
import { seededRandom } from './testing/random';

const APPS_PER_DEVICE = 2500;
const REPLACE_EVERY = 10; // every 10th application also gets a correction, to test order
const FAULT_SPEC =
  'drop=0.035,lostack=0.035,500=0.035,503=0.035,429=0.035,slow=0.035,truncate=0.035,refuse=0.035,' +
  'slowMs=700,retryAfter=1,refuseMs=150';

let dir: string;
let central: CentralHandle;
const devices: { db: Database; engine: SyncEngine; ids: string[]; ops: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-faults-'));
  central = await startCentral({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
    faults: FAULT_SPEC,
    random: seededRandom(11),
  });
  for (const station of ['S1', 'S2']) {
    const db = openSyncDb(join(dir, `${station}.db`));
    const seeded = seedQueued(db, APPS_PER_DEVICE, {
      hallCode: 'H01',
      stationCode: station,
      replaceEvery: REPLACE_EVERY,
    });
    const engine = new SyncEngine({
      db,
      centralUrl: central.url,
      hallCode: 'H01',
      stationCode: station,
      registrationSecret: DEV_REGISTRATION_SECRET,
      batchSize: 25,
      // Fixed small batches: enough requests for every kind of fault to strike.
      maxBatchSize: 25,
      requestTimeoutMs: 500, // below slowMs: slow answers become timeouts after the work is done
      backoff: { baseMs: 20, capMs: 400, floorMs: 5 },
      idlePollMs: 100,
      random: seededRandom(station === 'S1' ? 1 : 2),
    });
    devices.push({ db, engine, ids: seeded.applicationIds, ops: seeded.ops });
  }
});
afterAll(async () => {
  for (const d of devices) {
    await d.engine.stop();
    d.db.close();
  }
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

const drained = () => devices.every((d) => d.engine.status().counts.pending === 0);
async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

describe('5,000 applications from two devices through every kind of fault', () => {
  it('ends with exactly one central record per application, order held, both outboxes drained', async () => {
    for (const d of devices) d.engine.start();
    // Faults on until both outboxes are through once (or 90 s), then off until drained.
    await waitFor(drained, 90_000);
    const faulty = central.stats();
    central.setFaults('');
    expect(await waitFor(drained, 60_000)).toBe(true);
    // One more cycle each, so the last stages are pulled too.
    for (const d of devices) d.engine.kick();
    await new Promise((r) => setTimeout(r, 300));

    const stats = central.stats();
    const ops = devices.reduce((n, d) => n + d.ops, 0);
    const allIds = devices.flatMap((d) => d.ids);
    const ledger = new Map(
      (
        central.db.prepare('SELECT application_id, central_no FROM applications').all() as {
          application_id: string;
          central_no: string;
        }[]
      ).map((r) => [r.application_id, r.central_no]),
    );
    const lost = allIds.filter((id) => !ledger.has(id)).length;
    const duplicates = stats.duplicateApplications + (ledger.size - new Set(allIds).size);
    console.log(
      `ops=${ops} faults=${faulty.faulted} lost=${lost} duplicates=${duplicates} dedupe_hits=${stats.dedupeHits}`,
    );
    console.log(
      `requests=${faulty.requests} fault_rate=${(faulty.faulted / faulty.requests).toFixed(3)} ` +
        FAULT_KINDS.map((k) => `${k}=${faulty.faults[k]}`).join(' '),
    );

    expect(allIds).toHaveLength(5000);
    expect(ledger.size).toBe(5000);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(stats.dedupeHits).toBeGreaterThan(0);
    expect(stats.orderViolations).toBe(0);
    expect(faulty.faulted / faulty.requests).toBeGreaterThanOrEqual(0.2);
    for (const kind of FAULT_KINDS) expect(faulty.faults[kind], kind).toBeGreaterThan(0);
    // Every correction arrived after its submit and was applied exactly once.
    const corrected = central.db
      .prepare('SELECT count(*) FROM applications WHERE version = 2')
      .pluck()
      .get();
    expect(corrected).toBe(2 * (APPS_PER_DEVICE / REPLACE_EVERY));

    for (const d of devices) {
      const c = d.engine.status().counts;
      expect(c).toMatchObject({
        created: d.ops,
        acknowledged: d.ops,
        pending: 0,
        dead: 0,
        conflict: 0,
      });
      const local = d.db.prepare('SELECT id, central_no, state FROM applications').all() as {
        id: string;
        central_no: string;
        state: string;
      }[];
      expect(local.every((r) => r.state === 'acknowledged')).toBe(true);
      expect(local.filter((r) => r.central_no !== ledger.get(r.id))).toEqual([]);
    }
  }, 180_000);
});
