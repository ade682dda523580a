/**
 * Kills during the WAL worker's checkpoints: the crash-test child submits in a loop while its
 * checkpointer copies the log into the file every millisecond or two (and the station
 * connection never checkpoints), and is killed with SIGKILL 16 times at random moments, restarted
 * on the same file each time. Every id printed after its commit must still be stored once with
 * its outbox row, and the file must pass integrity_check. Prints `kills=N lost=M` and in how many
 * lives the database file was written (only a checkpoint writes it: the proof the kills landed among
 * checkpoints, not before the first).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/services/db';
import { rng } from '../../electron/main/services/testing/fixtures';
import { testLog } from '../support/test-log';
import { buildCrashChild, runOnce } from './child-runner';

const KILLS = 16;

let dir: string;
let child: Awaited<ReturnType<typeof buildCrashChild>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-ckpt-kill-'));
  child = await buildCrashChild();
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  child.remove();
});

it(`loses nothing to ${KILLS} SIGKILLs among the WAL worker's checkpoints`, async () => {
  const dbFile = join(dir, 'hall.db');
  const random = rng(Number(process.env.CRASH_SEED ?? Date.now() % 100000));
  const printed: string[] = [];
  let livesThatCheckpointed = 0;
  let written = 0n;
  for (let i = 0; i < KILLS; i++) {
    const moment = { afterReady: true, delayMs: 150 + random() * 450 };
    const run = await runOnce(child.bundle, [dbFile, String(i + 1), 'eager-checkpoints'], moment);
    if (run.diedAlone) throw new Error(`child ${i} exited on its own: ${run.stderr}`);
    printed.push(...run.ids);
    const mtime = statSync(dbFile, { bigint: true }).mtimeNs;
    if (mtime !== written) livesThatCheckpointed += 1;
    written = mtime;
  }

  const db = openDatabase(dbFile, { log: testLog });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare<[string, string], { n: number }>(
      `SELECT (SELECT count(*) FROM applications WHERE id = ? AND state = 'queued')
            + (SELECT count(*) FROM outbox WHERE application_id = ?) * 10 AS n`,
    );
    // One application row and one outbox row: 1 + 10.
    const lost = printed.filter((id) => stored.get(id, id)?.n !== 11).length;
    console.log(`kills=${KILLS} lost=${lost}`);
    console.log(
      `checkpoint kill test: ${printed.length} printed ids; the database file was written in ` +
        `${livesThatCheckpointed} of ${KILLS} lives`,
    );
    expect(lost).toBe(0);
    expect(new Set(printed).size).toBe(printed.length);
    expect(printed.length).toBeGreaterThan(KILLS);
    expect(livesThatCheckpointed).toBeGreaterThanOrEqual(KILLS / 2);
  } finally {
    db.close();
  }
}, 180_000);
