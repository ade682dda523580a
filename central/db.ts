import type Database from 'better-sqlite3';
import { CENTRAL_MIGRATIONS } from './migrations';
import { openMigratedDatabase, type OpenMigratedOptions } from '../server-common/db';

export type CentralDb = Database.Database;

const CENTRAL_PRODUCT = { zh: '中心系统', en: 'central system' };

/**
 * Opens (creating if needed) the central database with the runner the console uses: refuses a
 * damaged or newer file, WAL with synchronous FULL and foreign keys, and the central
 * migrations after a verified backup of an existing file (into `backups/` beside it).
 */
export function openCentralDb(
  file: string,
  opts: Omit<OpenMigratedOptions, 'product'> = {},
): CentralDb {
  return openMigratedDatabase(file, CENTRAL_MIGRATIONS, { ...opts, product: CENTRAL_PRODUCT });
}
