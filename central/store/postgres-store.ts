import pg from 'pg';
import { migratePostgres } from './postgres-migrate';
import {
  get,
  StoreUnavailable,
  textFor,
  type CentralStore,
  type RunResult,
  type SqlParam,
  type Work,
} from './work';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database (libpq's URL form). */
  url: string;
  /** Connections this process keeps at most (default 10). */
  poolSize?: number;
  /** How often a write is run again after a deadlock or a unique key taken meanwhile (default 30). */
  maxRetries?: number;
  /** Where connection trouble is told (one line, no SQL parameters). */
  log?: (line: string) => void;
}

/** BIGINT (count(*), millisecond times) and NUMERIC (avg) as numbers: they fit in a double here. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const placeholders = new Map<string, string>();

/** `?` → `$1, $2 …` outside quoted text (the shared dialect writes `?`). */
export function numberPlaceholders(text: string): string {
  let out = placeholders.get(text);
  if (out !== undefined) return out;
  let n = 0;
  let quoted = false;
  out = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  placeholders.set(text, out);
  return out;
}

type PgError = Error & { code?: string };

/**
 * Serialization failure, deadlock, or a unique key another transaction inserted meanwhile (two
 * requests for the same op, ticket or counter): the transaction is run again from the start,
 * and then reads what the other one committed.
 */
const RETRYABLE = new Set(['40001', '40P01', '23505']);

/** The connection or the server went away (or is not there yet): the request may be sent again. */
export function isConnectionTrouble(err: unknown): boolean {
  const e = err as PgError;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ETIMEDOUT'].includes(code)) return true;
  const msg = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection error|Client was closed|not queryable|timeout exceeded when trying to connect/i.test(
    msg,
  );
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function drive<T>(client: pg.PoolClient, work: Work<T>): Promise<T> {
  let step = work.next();
  while (!step.done) {
    const s = step.value;
    const text = textFor(s.text, 'postgres');
    const res =
      text === ''
        ? { rows: [], rowCount: 0 }
        : await client.query<Record<string, unknown>, SqlParam[]>(
            numberPlaceholders(text),
            s.params,
          );
    const result: unknown =
      s.mode === 'get'
        ? res.rows[0]
        : s.mode === 'all'
          ? res.rows
          : ({ changes: res.rowCount ?? 0 } satisfies RunResult);
    step = work.next(result);
  }
  return step.value;
}

/**
 * The province store: one PostgreSQL database shared by any number of central processes. Each
 * write is one READ COMMITTED transaction that locks what it decides on (`forUpdate`, counter
 * rows by upsert, waiting tickets FOR UPDATE SKIP LOCKED) and leans on unique keys for the rest;
 * it runs again (after a short random pause) on a deadlock or a unique key taken meanwhile, so
 * every invariant SQLite gets from its single writer holds under concurrency too.
 * (SERIALIZABLE would work as well, but on small tables its page-level predicate locks make
 * unrelated halls conflict, and the retries cost more than the locks.) Lost connections become
 * StoreUnavailable (503, retry); the pool opens new connections once the server is back.
 */
export class PostgresStore implements CentralStore {
  readonly dialect = 'postgres' as const;
  /** Writes run again after a serialization failure (for tests and the simulation's figures). */
  retries = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly maxRetries: number,
  ) {}

  /** Connects, brings the schema up to date (central/migrations/postgres), and answers the store. */
  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const log = opts.log ?? (() => undefined);
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      types: TYPES,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    // A connection that dies while idle (or between statements) must not crash the process.
    pool.on('error', (err) =>
      log(`postgres: idle connection lost (${(err as PgError).code ?? 'no code'})`),
    );
    pool.on('connect', (client) => client.on('error', () => undefined));
    const store = new PostgresStore(pool, opts.maxRetries ?? 30);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  private async client(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw new StoreUnavailable('postgres: no connection', { cause: err });
    }
  }

  async read<T>(work: () => Work<T>): Promise<T> {
    const client = await this.client();
    let broken = false;
    try {
      return await drive(client, work());
    } catch (err) {
      broken = isConnectionTrouble(err);
      throw broken ? new StoreUnavailable('postgres: connection lost', { cause: err }) : err;
    } finally {
      client.release(broken);
    }
  }

  async write<T>(work: () => Work<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const client = await this.client();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await drive(client, work());
        await client.query('COMMIT');
        return value;
      } catch (err) {
        broken = isConnectionTrouble(err);
        if (broken) throw new StoreUnavailable('postgres: connection lost', { cause: err });
        await client.query('ROLLBACK').catch(() => (broken = true));
        const code = (err as PgError).code ?? '';
        if (!RETRYABLE.has(code)) throw err;
        if (attempt >= this.maxRetries) {
          if (code === '23505') throw err;
          throw new StoreUnavailable('postgres: too many retries', { cause: err });
        }
        this.retries++;
      } finally {
        client.release(broken);
      }
      await sleep(Math.random() * Math.min(250, 4 * 2 ** attempt));
    }
  }

  async ping(): Promise<void> {
    await this.read(() => get('SELECT 1 AS one'));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
