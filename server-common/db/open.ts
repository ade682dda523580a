import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseCorruptError } from './errors';
import { migrate, type MigrateResult } from './migrate';
import type { Migration } from './migration';
import type { LocalizedText } from '../../shared/text';

export interface OpenMigratedOptions {
  /** Defaults to `backups/` next to the database file. */
  backupDir?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /** Told what the migration did (versions, backup file); for start-up logs and tests. */
  onMigrated?: (result: MigrateResult) => void;
  /** Names the program in the "newer than this code" refusal (the console by default). */
  product?: LocalizedText;
  /** Runs on the open handle before any migration (e.g. to attach the station's cipher). */
  onOpened?: (db: BetterSqlite3.Database) => void;
}

/** What SQLite says on a damaged or foreign file; checked before any pragma writes. */
function quickCheck(db: BetterSqlite3.Database): void {
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
 * Opens (creating if needed) an SQLite file the console or the central system owns: refuses a
 * damaged file, sets the pragmas durability depends on, and brings it to the last of
 * `migrations` after a verified backup.
 */
export function openMigratedDatabase(
  file: string,
  migrations: readonly Migration[],
  opts: OpenMigratedOptions = {},
): BetterSqlite3.Database {
  const inMemory = file === ':memory:';
  const existed = !inMemory && existsSync(file);
  if (!inMemory && !existed) mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    if (existed) quickCheck(db);
    db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at NORMAL, which can lose the last commits on power loss; an
    // answer already given must survive.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    opts.onOpened?.(db);
    const migration = migrate(db, migrations, {
      backupDir: opts.backupDir ?? join(dirname(file), 'backups'),
      now: opts.now ?? (() => new Date()),
      log: opts.log ?? (() => undefined),
      ...(opts.product ? { product: opts.product } : {}),
    });
    opts.onMigrated?.(migration);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
