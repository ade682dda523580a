/**
 * Migration 019: the outbox keeps every row, its seq and its dead-letter decisions, and new
 * operations take the largest seq plus one without a sqlite_sequence row to rewrite.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testLog } from '../../../../tests/support/test-log';
import { attachCipher, createFieldCipher, ephemeralKeys } from '../crypto';
import { MIGRATIONS, migrate } from './index';

let dir: string;
let db: BetterSqlite3.Database;
const migrateTo = (version: number) =>
  migrate(db, MIGRATIONS.slice(0, version), {
    backupDir: join(dir, 'unused'),
    now: () => new Date('2026-12-01T02:00:00Z'),
    log: testLog,
  });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-m019-'));
  db = new BetterSqlite3(join(dir, 'hall.db'));
  db.pragma('foreign_keys = ON');
  attachCipher(db, createFieldCipher(ephemeralKeys()));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const op = (n: number) =>
  db
    .prepare(
      `INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
       VALUES (?, 'app-1', 'application.submit', 'e1.k1.sealed', 'x', ?) RETURNING seq`,
    )
    .pluck()
    .get(`op-${n}`, n) as number;

it('keeps every outbox row with its seq and decisions, and goes on from the largest seq', () => {
  migrateTo(18);
  const seqs = [1, 2, 3, 4, 5].map(op);
  // A gap in the numbers, as a deleted row would leave under 018: the order survives as it is.
  db.prepare("UPDATE outbox SET state = 'acked' WHERE seq = 2").run();
  db.prepare(
    `INSERT INTO sync_resolutions (outbox_seq, action, actor, old_op_id, at)
     VALUES (4, 'discard', 'super1', 'op-4', 1)`,
  ).run();
  const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
  migrateTo(19);
  expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(before);
  expect(db.prepare('SELECT outbox_seq FROM sync_resolutions').pluck().all()).toEqual([4]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox'").pluck().get();
  expect(sql).not.toMatch(/AUTOINCREMENT/);
  expect(
    db.prepare("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'").pluck().get(),
  ).toBe(0);
  expect(op(6)).toBe(Math.max(...seqs) + 1);
  const indexes = (db.prepare('PRAGMA index_list(outbox)').all() as { name: string }[]).map(
    (i) => i.name,
  );
  expect(indexes).toEqual(
    expect.arrayContaining(['outbox_pending', 'outbox_app', 'outbox_state_seq']),
  );
  // A resolution still has to name an existing row.
  expect(() =>
    db
      .prepare(
        `INSERT INTO sync_resolutions (outbox_seq, action, actor, old_op_id, at)
         VALUES (99, 'discard', 'super1', 'op-99', 1)`,
      )
      .run(),
  ).toThrow(/FOREIGN KEY/);
});
