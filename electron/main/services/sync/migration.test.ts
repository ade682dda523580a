import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATEST_VERSION, MIGRATIONS, openDatabase, type Database } from '../db';
import { migration002Sync } from '../db/migrations/002_sync';
import { seedQueued } from './testing/seed';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-migration-'));
  db = openDatabase(join(dir, 'hall.db'), { log: testLog });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 002 (sync)', () => {
  it('is in the list and creates the sync tables', () => {
    expect(MIGRATIONS).toContain(migration002Sync);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['sync_state', 'sync_mirror', 'sync_resolutions']),
    );
    const indexes = db.prepare('PRAGMA index_list(outbox)').all() as { name: string }[];
    expect(indexes.map((i) => i.name)).toContain('outbox_state_seq');
  });

  it('ties mirror rows to local applications and resolutions to outbox rows, with known actions only', () => {
    expect(() =>
      db
        .prepare(`INSERT INTO sync_mirror VALUES ('nope', 'H01-1', 'ACCEPT', 0, 3, 1, 1, 'h', 1)`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    seedQueued(db, 1, { hallCode: 'H01' });
    const seq = db.prepare('SELECT seq FROM outbox').pluck().get() as number;
    const insert = db.prepare(
      `INSERT INTO sync_resolutions (outbox_seq, action, actor, old_op_id, at) VALUES (?, ?, 'sup', 'op', 1)`,
    );
    expect(() => insert.run(seq, 'delete_everything')).toThrow(/CHECK/);
    insert.run(seq, 'discard');
    expect(db.prepare('SELECT count(*) FROM sync_resolutions').pluck().get()).toBe(1);
  });

  it('uses the pending-by-seq index to find the next batch', () => {
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 10",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/outbox_state_seq/);
  });
});
