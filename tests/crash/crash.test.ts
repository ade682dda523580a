/**
 * Crash test: a child process submits applications in a loop on a real database file and
 * prints each id after commit; it is killed with SIGKILL at random moments (during start-up
 * and mid-submit) at least 100 times, restarted on the same file each time. Afterwards every
 * printed id must be stored exactly once with exactly one outbox row, and the file must pass
 * integrity_check. Prints `kills=N lost=M`.
 * The child is bundled once with Vite (child-runner.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/services/db';
import { rng } from '../../electron/main/services/testing/fixtures';
import { testLog } from '../support/test-log';
import { buildCrashChild, runOnce } from './child-runner';

const KILLS = Math.max(100, Number(process.env.CRASH_KILLS ?? 100));

let dir: string;
let child: Awaited<ReturnType<typeof buildCrashChild>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
  child = await buildCrashChild();
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  child.remove();
});

it(`survives ${KILLS} SIGKILLs without losing a committed application`, async () => {
  const dbFile = join(dir, 'hall.db');
  const random = rng(Number(process.env.CRASH_SEED ?? Date.now() % 100000));
  const printed: string[] = [];
  let kills = 0;
  const started = performance.now();

  for (let i = 0; i < KILLS; i++) {
    // One life in eight dies at a random moment from spawn (start-up: loading, opening,
    // checking, migrating); the rest mid-stream, 0-150 ms after they started submitting.
    const moment =
      i % 8 === 0
        ? { afterReady: false, delayMs: random() * 600 }
        : { afterReady: true, delayMs: random() * 150 };
    const run = await runOnce(child.bundle, [dbFile, String(i + 1)], moment);
    if (run.diedAlone) throw new Error(`child ${i} exited on its own: ${run.stderr}`);
    kills += 1;
    printed.push(...run.ids);
  }
  const seconds = (performance.now() - started) / 1000;

  const db = openDatabase(dbFile, { log: testLog });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const appRows = db.prepare<[string], { state: string }>(
      'SELECT state FROM applications WHERE id = ?',
    );
    const outboxCount = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM outbox WHERE application_id = ?',
    );
    let lost = 0;
    for (const id of printed) {
      const rows = appRows.all(id);
      const outbox = outboxCount.get(id)?.n ?? 0;
      if (rows.length !== 1 || rows[0]?.state !== 'queued' || outbox !== 1) lost += 1;
    }
    console.log(`kills=${kills} lost=${lost}`);
    console.log(
      `crash test: ${printed.length} printed ids, ${seconds.toFixed(1)} s for ${kills} kills`,
    );

    expect(new Set(printed).size).toBe(printed.length);
    expect(lost).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(100);
    // The children really were submitting when killed, not only starting up.
    expect(printed.length).toBeGreaterThan(kills);

    // Nothing half-written: every stored application has its history and one outbox row,
    // and the day counters account for every number without gaps or reuse.
    const total = (sql: string): number => db.prepare(sql).pluck().get() as number;
    const stored = total('SELECT count(*) FROM applications');
    expect(total('SELECT count(*) FROM outbox')).toBe(stored);
    expect(total('SELECT count(DISTINCT application_id) FROM outbox')).toBe(stored);
    expect(total('SELECT count(*) FROM application_history')).toBe(stored);
    expect(total('SELECT coalesce(sum(last_seq), 0) FROM app_no_counter')).toBe(stored);
    expect(total('SELECT count(DISTINCT app_no) FROM applications')).toBe(stored);
    // At most the one submit in flight per kill committed without being printed.
    expect(stored - printed.length).toBeGreaterThanOrEqual(0);
    expect(stored - printed.length).toBeLessThanOrEqual(kills);
  } finally {
    db.close();
  }
}, 240_000);
