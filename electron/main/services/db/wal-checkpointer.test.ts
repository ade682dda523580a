/**
 * The station's WAL checkpointer (wal-checkpointer.ts): its worker copies the log into the file
 * while submits go on, empties the log once the station is idle, and keeps the log bounded under
 * writes that never pause; the station connection's own checkpoint comes back when it stops.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import { servicesPerTest } from '../testing/harness';
import { startWalCheckpointerLater } from './wal-checkpointer';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { testLog } from '../../../../tests/support/test-log';

const BACKSTOP = 400;
const hall = servicesPerTest({
  prefix: 'hall-wal-ckpt-',
  actor: 'clerk-wal',
  options: () => ({
    walCheckpoint: {
      startAfterMs: 0,
      busyTickMs: 5,
      batchFrames: 150,
      truncateAfterMs: 300,
      backstopPages: BACKSTOP,
    },
  }),
});
const type = householdNewType(CATALOGUE);

async function submit(n: number, random: () => number, afterEach?: () => void): Promise<void> {
  for (let i = 0; i < n; i++) {
    await hall.call('applications.submit', fakeApplicationInput(type, random, new Date()));
    afterEach?.();
  }
}

const walBytes = (file: string): number =>
  existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('not within the time allowed');
    await sleep(10);
  }
}

describe('WAL checkpointer', () => {
  it('copies the log into the file while the station works, then empties it when idle', async () => {
    const { db, walCheckpointer } = hall.services;
    expect(walCheckpointer).toBeDefined();
    // The station's own connection checkpoints only as a backstop.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP);
    const before = statSync(db.name).size;
    const random = rng(11);
    // Submits one by one with a pause between, as at a counter: ~37 frames each, a checkpoint
    // every fourth or fifth.
    for (let i = 0; i < 12; i++) {
      await submit(1, random);
      await sleep(20);
    }
    await until(async () => (await walCheckpointer!.stats()).passive >= 2);
    // Copied: the database file itself grew (a submit alone writes only the log).
    expect(statSync(db.name).size).toBeGreaterThan(before);
    await until(async () => (await walCheckpointer!.stats()).truncate >= 1);
    expect(walBytes(db.name)).toBe(0);
    const stats = await walCheckpointer!.stats();
    testLog(`wal checkpointer, 12 paced submits: ${JSON.stringify(stats)}`);
    // Everything is still there, read through a fresh read of the file.
    expect(db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(12);
  });

  it('keeps the log bounded while submits never pause', async () => {
    const { db, walCheckpointer } = hall.services;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const random = rng(12);
    let largest = 0;
    await submit(300, random, () => (largest = Math.max(largest, walBytes(db.name))));
    const frames = Math.round(largest / (pageSize + 24));
    const stats = await walCheckpointer!.stats();
    testLog(
      `wal checkpointer, 300 submits back to back: largest log file ${frames} frames ` +
        `(backstop ${BACKSTOP}), worker ${JSON.stringify(stats)}`,
    );
    // ~37 frames a submit, 11,000 in all: the log started over instead of growing. The worker
    // copied batches of 150 frames meanwhile.
    expect(frames).toBeLessThan(BACKSTOP + 200);
    expect(stats.passive).toBeGreaterThan(0);
  });

  it('gives the checkpoint back to SQLite once stopped', async () => {
    const { db, walCheckpointer } = hall.services;
    await walCheckpointer!.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(walCheckpointer!.stats()).rejects.toThrow('not running');
    // The station goes on; close() after a stop is fine.
    await submit(1, rng(13));
  });
});

describe('WAL checkpointer started later', () => {
  const plainWalDb = () => {
    const db = new Sqlite(join(mkdtempSync(join(tmpdir(), 'hall-wal-later-')), 'hall.db'));
    db.pragma('journal_mode = WAL');
    return db;
  };

  it('leaves checkpoints to SQLite until its start, then takes them over', async () => {
    const db = plainWalDb();
    const later = startWalCheckpointerLater(db, { startAfterMs: 150, backstopPages: BACKSTOP });
    // Not started yet: SQLite's own checkpoint on commit, and nothing done by a worker.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await later.stats()).toEqual({ passive: 0, truncate: 0, maxLogFrames: 0 });
    await until(async () => db.pragma('wal_autocheckpoint', { simple: true }) === BACKSTOP);
    await later.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  it('starts nothing when stopped before its time', async () => {
    const db = plainWalDb();
    const later = startWalCheckpointerLater(db, { startAfterMs: 100, backstopPages: BACKSTOP });
    await later.stop();
    await sleep(200);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});
