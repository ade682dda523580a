import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';
import { all, get, later, run, type Work } from './work';

function store(): SqliteStore {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  return new SqliteStore(db);
}

const rows = (s: SqliteStore): { id: number; v: string }[] =>
  s.readSync(() => all<{ id: number; v: string }>('SELECT id, v FROM t ORDER BY id'));

describe('writes held back with later() on SQLite', () => {
  it('are seen by the next read of the same work, in the order they were yielded', () => {
    const s = store();
    const seen = s.writeSync(function* (): Work<unknown> {
      yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 2, 'b');
      yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 1, 'a');
      // The second held insert would fail if it ran before the first one's row existed.
      yield* later("UPDATE t SET v = v || '+' WHERE id = ?", 2);
      return yield* all('SELECT id, v FROM t ORDER BY id');
    });
    expect(seen).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b+' },
    ]);
  });

  it('run before a plain write that comes after them, and before the work ends', () => {
    const s = store();
    const changed = s.writeSync(function* (): Work<number> {
      yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 1, 'a');
      const { changes } = yield* run("UPDATE t SET v = 'b' WHERE id = ?", 1);
      yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 2, 'c');
      return changes;
    });
    expect(changed).toBe(1);
    expect(rows(s)).toEqual([
      { id: 1, v: 'b' },
      { id: 2, v: 'c' },
    ]);
  });

  it('fail the whole transaction when one of them fails: nothing of the work is saved', () => {
    const s = store();
    s.writeSync(() => run('INSERT INTO t (id, v) VALUES (?, ?)', 1, 'kept'));
    expect(() =>
      s.writeSync(function* (): Work<void> {
        yield* run('INSERT INTO t (id, v) VALUES (?, ?)', 2, 'x');
        yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 3, 'y');
        yield* later('INSERT INTO t (id, v) VALUES (?, ?)', 1, 'duplicate');
      }),
    ).toThrow(/UNIQUE/);
    expect(rows(s)).toEqual([{ id: 1, v: 'kept' }]);
    expect(s.readSync(() => get('SELECT count(*) AS n FROM t'))).toEqual({ n: 1 });
  });
});
