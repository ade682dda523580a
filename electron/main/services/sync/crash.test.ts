import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  DEV_REGISTRATION_SECRET,
  startCentral,
  type CentralHandle,
} from '../../../../central/server';
import type { Database } from '../db';
import { openSyncDb, seedQueued } from './testing/seed';
import { seededRandom } from './testing/random';
import { captureChild } from '../../../../tests/support/test-log';

const CHILD_SOURCE = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
// Bundled once (tsx's own esbuild) so each of the 100+ children starts in a fraction of the time
// a TypeScript loader needs; inside node_modules so that better-sqlite3 still resolves.
const CHILD_DIR = fileURLToPath(
  new URL(`../../../../node_modules/.cache/sync-crash-${process.pid}/`, import.meta.url),
);
const CHILD = join(CHILD_DIR, 'child.mjs');
const KILLS_WANTED = 100;
const LANES = 2; // two consoles crash in parallel, to keep the test short on two cores

let dir: string;
let central: CentralHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-crash-'));
  central = await startCentral({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
  });
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await central.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(CHILD_DIR, { recursive: true, force: true });
});

function runChild(
  env: Record<string, string>,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD], {
      env: { ...process.env, REGISTRATION_SECRET: DEV_REGISTRATION_SECRET, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    captureChild(child, 'sync-crash-child');
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== null && code !== 0)
        reject(new Error(`child exited ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ code, signal });
    });
  });
}

interface Lane {
  station: string;
  file: string;
  db: Database;
  ids: string[];
  cursors: number[];
  kills: { push: number; pull: number };
}

describe('SIGKILL at the worst moments, over and over', () => {
  it(`keeps every application exactly once centrally and never moves the cursor back (${KILLS_WANTED}+ kills)`, async () => {
    const random = seededRandom(5);
    const lanes: Lane[] = Array.from({ length: LANES }, (_, i) => {
      const station = `S${i + 1}`;
      const file = join(dir, `${station}.db`);
      const db = openSyncDb(file);
      return { station, file, db, ids: [], cursors: [0], kills: { push: 0, pull: 0 } };
    });

    const round = async (lane: Lane, n: number) => {
      // Fresh work for the push kills, and fresh stages for the pull kills.
      lane.ids.push(
        ...seedQueued(lane.db, 12, { hallCode: 'H01', stationCode: lane.station, replaceEvery: 4 })
          .applicationIds,
      );
      central.ledger.advanceSome(40);
      const mode = n % 2 === 0 ? 'push' : 'pull';
      const { signal } = await runChild({
        SYNC_DB: lane.file,
        CENTRAL_URL: central.url,
        STATION: lane.station,
        KILL_MODE: mode,
        KILL_AT: String(1 + Math.floor(random() * 2)),
      });
      if (signal === 'SIGKILL') lane.kills[mode]++;
      // The cursor never goes back, and nothing mirrored is ahead of it (page + cursor together).
      const cursor = Number(
        lane.db.prepare("SELECT value FROM sync_state WHERE key = 'pull_cursor'").pluck().get() ??
          0,
      );
      expect(cursor).toBeGreaterThanOrEqual(lane.cursors.at(-1)!);
      lane.cursors.push(cursor);
      const ahead = lane.db
        .prepare('SELECT count(*) FROM sync_mirror WHERE seq > ?')
        .pluck()
        .get(cursor);
      expect(ahead).toBe(0);
    };

    const totalKills = () => lanes.reduce((n, l) => n + l.kills.push + l.kills.pull, 0);
    for (let n = 0; totalKills() < KILLS_WANTED && n < 200; n++) {
      await Promise.all(lanes.map((lane) => round(lane, n)));
    }

    // A clean run drains everything that is left.
    for (const lane of lanes) {
      await runChild({
        SYNC_DB: lane.file,
        CENTRAL_URL: central.url,
        STATION: lane.station,
        KILL_MODE: 'none',
      });
    }

    const stats = central.stats();
    const allIds = lanes.flatMap((l) => l.ids);
    const central_ = new Map(
      (
        central.db.prepare('SELECT application_id, central_no FROM applications').all() as {
          application_id: string;
          central_no: string;
        }[]
      ).map((r) => [r.application_id, r.central_no]),
    );
    console.log(
      `kills=${totalKills()} push_kills=${lanes.reduce((n, l) => n + l.kills.push, 0)} ` +
        `pull_kills=${lanes.reduce((n, l) => n + l.kills.pull, 0)} applications=${allIds.length} ` +
        `dedupe_hits=${stats.dedupeHits} duplicates=${stats.duplicateApplications}`,
    );
    expect(totalKills()).toBeGreaterThanOrEqual(KILLS_WANTED);
    expect(lanes.every((l) => l.kills.push > 0 && l.kills.pull > 0)).toBe(true);
    expect(central_.size).toBe(allIds.length);
    expect(allIds.every((id) => central_.has(id))).toBe(true);
    expect(stats.duplicateApplications).toBe(0);
    expect(stats.orderViolations).toBe(0);
    expect(stats.dedupeHits).toBeGreaterThan(0); // the kills after sending did cost resends
    for (const lane of lanes) {
      const pending = lane.db
        .prepare("SELECT count(*) FROM outbox WHERE state != 'acked'")
        .pluck()
        .get();
      expect(pending).toBe(0);
      const wrong = (
        lane.db.prepare('SELECT id, central_no FROM applications').all() as {
          id: string;
          central_no: string;
        }[]
      ).filter((r) => r.central_no !== central_.get(r.id));
      expect(wrong).toEqual([]);
      lane.db.close();
    }
  }, 240_000);
});
