import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './openDatabase';

type Statement<P, R> = P extends unknown[]
  ? BetterSqlite3.Statement<P, R>
  : BetterSqlite3.Statement<[P], R>;

const caches = new WeakMap<Database, Map<string, unknown>>();

/**
 * The one way the console prepares SQL: each statement is prepared once per open database and
 * cached by its text, so repositories built more than once (every area that needs an owner's
 * functions builds its own) and queries assembled from filters share one prepared statement.
 * `pluck()`/`raw()` change the shared statement: use them only on SQL that every caller reads
 * the same way.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: Database,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt as Statement<P, R>;
}

type Runner = ((fn: () => unknown) => unknown) & { immediate: (fn: () => unknown) => unknown };
const runners = new WeakMap<Database, Runner>();

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction (a savepoint inside one already open). The
 * better-sqlite3 wrapper is made once per database: `db.transaction(fn)` builds four wrapped
 * functions at every call, on the path of every submit.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  let run = runners.get(db);
  if (!run) runners.set(db, (run = db.transaction((f: () => unknown) => f()) as Runner));
  return run.immediate(fn) as T;
}
