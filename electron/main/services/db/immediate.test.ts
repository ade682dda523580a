import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { immediate } from './statements';

let dir: string;
let db: BetterSqlite3.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-immediate-'));
  db = new BetterSqlite3(join(dir, 'x.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const values = () =>
  (db.prepare('SELECT v FROM t ORDER BY rowid').all() as { v: string }[]).map((r) => r.v);
const put = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);

describe('immediate (one cached transaction wrapper per database)', () => {
  it('takes the write lock at BEGIN: another connection cannot write until it commits', () => {
    const other = new BetterSqlite3(join(dir, 'x.db'), { timeout: 0 });
    try {
      const seen = immediate(db, () => {
        try {
          other.prepare('INSERT INTO t (v) VALUES (?)').run('other');
          return 'written';
        } catch (err) {
          return (err as { code?: string }).code;
        }
      });
      expect(seen).toBe('SQLITE_BUSY');
    } finally {
      other.close();
    }
  });

  it('rolls back what a failing call wrote, and a nested call is a savepoint of its own', () => {
    expect(() =>
      immediate(db, () => {
        put('lost');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    const answer = immediate(db, () => {
      put('outer');
      try {
        immediate(db, () => {
          put('inner');
          throw new Error('inner refused');
        });
      } catch {
        // Only the inner savepoint is undone.
      }
      put('after');
      return db.inTransaction;
    });
    expect(answer).toBe(true);
    expect(values()).toEqual(['outer', 'after']);
    expect(db.inTransaction).toBe(false);
  });
});
