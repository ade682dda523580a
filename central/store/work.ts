/**
 * Central's store work: what a store operation does, written once for both engines.
 *
 * A piece of work is a generator that yields SQL statements and gets their results back. The
 * SQLite store runs it synchronously inside one better-sqlite3 transaction (as fast as the
 * statements themselves); the PostgreSQL store runs it over one pooled connection inside a
 * READ COMMITTED transaction (the rows it decides on locked), and runs it again from the start
 * after a deadlock, a serialization failure or a unique key taken meanwhile. So work must not
 * have effects outside the database (the watch counter, a rate limit's misses: the caller does
 * those once the work has answered).
 *
 * SQL is written with `?` placeholders in the dialect both engines share; a statement that
 * cannot be shared carries both texts (`dialects`). docs/central-postgres.md lists them.
 */

export type SqlParam = string | number | null;

/** One text for both engines, or one per engine ('' for one engine: the statement is skipped there). */
export type SqlText = string | { sqlite: string; postgres: string };

export interface Statement {
  mode: 'get' | 'all' | 'run' | 'later';
  text: SqlText;
  params: SqlParam[];
}

/** What a `run` answers: how many rows the statement changed. */
export interface RunResult {
  changes: number;
}

export type Work<T> = Generator<Statement, T, unknown>;

export type Dialect = 'sqlite' | 'postgres';

export const dialects = (sqlite: string, postgres: string): SqlText => ({ sqlite, postgres });

/**
 * A SELECT that locks the rows it reads until the transaction ends, on PostgreSQL (`FOR
 * UPDATE`). SQLite's write transaction already holds the only write lock, so it reads plainly.
 */
export const forUpdate = (select: string): SqlText => ({
  sqlite: select,
  postgres: `${select} FOR UPDATE`,
});

export const textFor = (text: SqlText, dialect: Dialect): string =>
  typeof text === 'string' ? text : text[dialect];

/** The first row, or undefined. */
export function* get<R>(text: SqlText, ...params: SqlParam[]): Work<R | undefined> {
  return (yield { mode: 'get', text, params }) as R | undefined;
}

/** Every row. */
export function* all<R>(text: SqlText, ...params: SqlParam[]): Work<R[]> {
  return (yield { mode: 'all', text, params }) as R[];
}

/** A statement without rows (INSERT, UPDATE, DELETE). */
export function* run(text: SqlText, ...params: SqlParam[]): Work<RunResult> {
  return (yield { mode: 'run', text, params }) as RunResult;
}

/**
 * A write whose outcome the work does not look at. A store may hold it back and run it, in
 * order, just before the work's next statement of another kind, or at the work's end (still in
 * the transaction): the SQLite store runs a batch's inserts together that way, which costs less
 * CPU than running each between the batch's other work. An error in it still fails the whole
 * transaction, only at that later point. PostgreSQL runs it at once.
 */
export function* later(text: SqlText, ...params: SqlParam[]): Work<void> {
  yield { mode: 'later', text, params };
}

/**
 * Where central keeps its data. `read` runs work without a write transaction (one consistent
 * snapshot is not promised across its statements); `write` runs it as one transaction
 * (SQLite: IMMEDIATE, the single writer; PostgreSQL: READ COMMITTED with the rows it decides on
 * locked `forUpdate`, run again after a deadlock, serialization failure or unique violation).
 */
export interface CentralStore {
  readonly dialect: Dialect;
  read<T>(work: () => Work<T>): Promise<T>;
  write<T>(work: () => Work<T>): Promise<T>;
  /** Answers when the database does (readiness probe); throws StoreUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached right now (connection lost, server restarting, too many
 * retries): the request may be sent again. Central answers 503 with Retry-After.
 */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
