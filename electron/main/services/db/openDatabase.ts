import type BetterSqlite3 from 'better-sqlite3';
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
  return openMigratedDatabase(file, migrations ?? MIGRATIONS, {
    ...rest,
    onOpened: (db: Database) => {
      // Freed space is zeroed: a value sealed or deleted leaves no clear copy in free pages.
      db.pragma('secure_delete = ON');
      attachCipher(db, cipher);
    },
  });
}
