import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { openMigratedDatabase, type OpenMigratedOptions } from '../../../../server-common/db';
import { attachCipher } from '../crypto/attached';
import type { FieldCipher } from '../crypto/cipher';

/** The handle every service takes. */
export type Database = BetterSqlite3.Database;

export interface OpenDatabaseOptions extends Omit<OpenMigratedOptions, 'product'> {
  /** Tests only: a different migration list (e.g. with a synthetic later step). */
  migrations?: readonly Migration[];
  /** The station's cipher, attached before migrating (migrations may seal columns). */
  cipher?: FieldCipher;
}

/**
 * Opens (creating if needed) the console's database: refuses a damaged file, sets the pragmas
 * durability depends on, and migrates to the current schema after a verified backup.
 */
export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Database {
  const { migrations, cipher, ...rest } = opts;
  return openMigratedDatabase(file, migrations ?? MIGRATIONS, {
    ...rest,
    ...(cipher ? { onOpened: (db: Database) => attachCipher(db, cipher) } : {}),
  });
}
