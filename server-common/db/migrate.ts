import type Database from 'better-sqlite3';
import { backupAndVerify } from './backup';
import { CONSOLE_PRODUCT, DatabaseTooNewError } from './errors';
import type { Migration } from './migration';
import type { LocalizedText } from '../../shared/text';

export interface MigrateOptions {
  /** Where the verified backup goes before an existing, non-empty database is migrated. */
  backupDir: string;
  now: () => Date;
  log: (line: string) => void;
  /** Names the program in the "newer than this code" refusal (the console by default). */
  product?: LocalizedText;
}

export interface MigrateResult {
  from: number;
  to: number;
  backupFile?: string;
}

/** Catches a mis-numbered array at start-up rather than half-way through an upgrade. */
export function assertMigrationsOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

const userVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number;

const isEmpty = (db: Database.Database): boolean => {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n === 0;
};

/**
 * Brings `db` up to the last of `migrations`: refuses a newer file, backs up and verifies an
 * existing one first, then runs each step in its own transaction together with its
 * user_version bump, so a crash leaves the file at a whole version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: MigrateOptions,
): MigrateResult {
  assertMigrationsOrdered(migrations);
  const latest = migrations.length;
  const from = userVersion(db);
  if (from > latest)
    throw new DatabaseTooNewError(from, latest, options.product ?? CONSOLE_PRODUCT);
  if (from === latest) return { from, to: from };

  let backupFile: string | undefined;
  if (from > 0 || !isEmpty(db)) {
    backupFile = backupAndVerify(db, options.backupDir, options.now());
    options.log(`db: backup of schema v${from} verified: ${backupFile}`);
  }

  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(migration.up);
      migration.data?.(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own table.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    options.log(`db: migrated to v${migration.version} (${migration.name})`);
  }
  return { from, to: latest, ...(backupFile ? { backupFile } : {}) };
}
