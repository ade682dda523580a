import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseCorruptError } from './errors';
import { migrate, type MigrateResult } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

/** The handle every service takes. */
export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions {
  /** Defaults to `backups/` next to the database file. */
  backupDir?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Told what the migration did (versions, backup file); for start-up logs and tests. */
  onMigrated?: (result: MigrateResult) => void;
  /** Tests only: a different migration list (e.g. with a synthetic later step). */
  migrations?: readonly Migration[];
}

/** What SQLite says on a damaged or foreign file; checked before any pragma writes. */
function quickCheck(db: Database): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new DatabaseCorruptError(typeof code === 'string' ? code : 'unreadable', { cause: err });
  }
  if (result !== 'ok') throw new DatabaseCorruptError('quick_check');
}

/**
 * Opens (creating if needed) the console's database: refuses a damaged file, sets the pragmas
 * durability depends on, and migrates to the current schema after a verified backup.
 */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Database {
  const existed = file !== ':memory:' && existsSync(file);
  const db = new BetterSqlite3(file);
  try {
    if (existed) quickCheck(db);
    db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migration = migrate(db, opts.migrations ?? MIGRATIONS, {
      backupDir: opts.backupDir ?? join(dirname(file), 'backups'),
      now: opts.now ?? (() => new Date()),
      log: opts.log ?? (() => undefined),
    });
    opts.onMigrated?.(migration);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
