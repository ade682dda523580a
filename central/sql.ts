import type Database from 'better-sqlite3';

/** A statement for an SQL text, typed by its parameters and its row. */
export type Sql = <P extends unknown[] = unknown[], R = unknown>(
  text: string,
) => Database.Statement<P, R>;

const caches = new WeakMap<
  Database.Database,
  Map<string, Database.Statement<unknown[], unknown>>
>();

/**
 * The one way central prepares statements: each SQL text is prepared once per database and
 * reused (preparing is a large share of a small statement's cost). Every store of one database
 * shares the cache. Don't call .pluck()/.raw()/.expand() on what it returns: they would change
 * the statement for every other caller.
 */
export function sqlFor(db: Database.Database): Sql {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const statements = cache;
  return <P extends unknown[] = unknown[], R = unknown>(text: string) => {
    let stmt = statements.get(text);
    if (!stmt) {
      stmt = db.prepare(text);
      statements.set(text, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  };
}
