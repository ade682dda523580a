import type BetterSqlite3 from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';
import { openMigratedDatabase, type OpenMigratedOptions } from '../../../../server-common/db';
import { attachCipher } from '../crypto/attached';
import { createFieldCipher, type FieldCipher } from '../crypto/cipher';
import { defaultKeyFile, ephemeralKeys, FILE_MODE_WRAPPER, loadOrCreateKeys } from '../crypto/keys';

/** The handle every service takes. */
export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions extends Omit<OpenMigratedOptions, 'product'> {
  /** Tests only: a different migration list (e.g. with a synthetic later step). */
  migrations?: readonly Migration[];
  /**
   * The station's cipher, attached before migrating (migrations seal columns). Default: keys
   * from the file-mode key file beside the database (`defaultKeyFile`).
   */
  cipher?: FieldCipher;
}

/**
 * Opens (creating if needed) the console's database: refuses a damaged file, sets the pragmas
 * durability depends on, and migrates to the current schema after a verified backup.
 */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Database {
  const { migrations, ...rest } = opts;
  // Without one, the web host's default: the key file beside the database (tools and tests then
  // reopen the same file with the same keys). An in-memory database dies with the process, so
  // throw-away keys do.
  const cipher =
    opts.cipher ??
    createFieldCipher(
      file === ':memory:'
        ? ephemeralKeys()
        : loadOrCreateKeys(defaultKeyFile(file), FILE_MODE_WRAPPER).keys,
    );
  if (file !== ':memory:') keepToOwner(file);
  return openMigratedDatabase(file, migrations ?? MIGRATIONS, {
    ...rest,
    onOpened: (db: Database) => {
      // Freed space is zeroed: a value sealed or deleted leaves no clear copy in free pages.
      db.pragma('secure_delete = ON');
      attachCipher(db, cipher);
    },
  });
}

/**
 * The file and its WAL and shared-memory files readable by the station's own user only, as the
 * key file is: names and 户号 are stored in clear for search. A new file is created empty with
 * mode 0600 before SQLite opens it (SQLite gives its -wal and -shm the database file's mode);
 * an older file left readable by others is narrowed. Windows has no such modes.
 */
function keepToOwner(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
  }
}
