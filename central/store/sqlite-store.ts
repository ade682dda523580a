import type Database from 'better-sqlite3';
import { sqlFor, type Sql } from '../sql';
import {
  StoreUnavailable,
  textFor,
  type CentralStore,
  type RunResult,
  type SqlParam,
  type Work,
} from './work';

type Held = { stmt: Database.Statement<unknown[], unknown>; params: SqlParam[] };

/**
 * Runs work synchronously over better-sqlite3's cached statements. Writes yielded with `later`
 * are held and run together, in order, before the next other statement and at the end: a
 * batch's inserts then run back to back instead of each between the batch's validation,
 * hashing and sealing, which costs SQLite and the binding less CPU.
 */
function drive<T>(sql: Sql, work: Work<T>): T {
  const held: Held[] = [];
  const runHeld = (): void => {
    for (const h of held) h.stmt.run(...h.params);
    held.length = 0;
  };
  let step = work.next();
  while (!step.done) {
    const s = step.value;
    const text = textFor(s.text, 'sqlite');
    const stmt = text === '' ? undefined : sql<unknown[], unknown>(text);
    let result: unknown;
    if (stmt && s.mode === 'later') {
      held.push({ stmt, params: s.params });
    } else if (!stmt) {
      result = s.mode === 'all' ? [] : s.mode === 'run' ? { changes: 0 } : undefined;
    } else {
      runHeld();
      if (s.mode === 'get') result = stmt.get(...s.params);
      else if (s.mode === 'all') result = stmt.all(...s.params);
      else result = { changes: stmt.run(...s.params).changes } satisfies RunResult;
    }
    step = work.next(result);
  }
  runHeld();
  return step.value;
}

/**
 * The embedded store (the default): one SQLite file in this process. Work runs synchronously,
 * so nothing interleaves with it; a write is one IMMEDIATE transaction (the write lock is taken
 * before anything is read, also against other processes on the same file). The `*Sync` forms
 * are for the embedded default's synchronous callers (tests, the console's own tools).
 */
export class SqliteStore implements CentralStore {
  readonly dialect = 'sqlite' as const;
  private readonly sql: Sql;

  constructor(readonly db: Database.Database) {
    this.sql = sqlFor(db);
  }

  readSync<T>(work: () => Work<T>): T {
    return drive(this.sql, work());
  }

  writeSync<T>(work: () => Work<T>): T {
    return this.db.transaction(() => drive(this.sql, work())).immediate();
  }

  read<T>(work: () => Work<T>): Promise<T> {
    try {
      return Promise.resolve(this.readSync(work));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  write<T>(work: () => Work<T>): Promise<T> {
    try {
      return Promise.resolve(this.writeSync(work));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  ping(): Promise<void> {
    try {
      this.db.prepare('SELECT 1').get();
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(new StoreUnavailable('database', { cause: err }));
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
