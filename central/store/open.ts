import type Database from 'better-sqlite3';
import { openCentralDb } from '../db';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { CentralStore } from './work';

/** A postgres:// or postgresql:// URL names a PostgreSQL store; anything else a SQLite file. */
export const isPostgresUrl = (dbFile: string): boolean => /^postgres(ql)?:\/\//i.test(dbFile);

/** The store, and the SQLite handle when it is one (tests and tools read it directly). */
export interface OpenedStore {
  store: CentralStore;
  db?: Database.Database;
}

/** Opens (and migrates) the store central's options name. */
export async function openCentralStore(opts: {
  dbFile: string;
  poolSize?: number | undefined;
  log?: (line: string) => void;
}): Promise<OpenedStore> {
  if (isPostgresUrl(opts.dbFile)) {
    return {
      store: await PostgresStore.open({
        url: opts.dbFile,
        ...(opts.poolSize ? { poolSize: opts.poolSize } : {}),
        ...(opts.log ? { log: opts.log } : {}),
      }),
    };
  }
  const db = openCentralDb(opts.dbFile);
  return { store: new SqliteStore(db), db };
}

/** The URL without its password, for logs and start-up lines. */
export function describeDb(dbFile: string): string {
  if (!isPostgresUrl(dbFile)) return dbFile;
  try {
    const url = new URL(dbFile);
    url.password = '';
    url.search = '';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}
