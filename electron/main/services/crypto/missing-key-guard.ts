import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { prepared } from '../db/statements';
import { SEALED_COLUMNS, tableNamesOf } from './sealed-columns';

/**
 * Thrown when a station's database already holds sealed values but its key file is missing: a
 * fresh key file could never open them, and once written it would pass for the right one (and
 * be backed up as such). The station refuses to start instead and says where the file belongs.
 */
export class MissingKeyFileError extends Error {
  readonly refusal = true;
  constructor(keyFile: string) {
    super(
      `此数据库的数据已用密钥文件加密，但找不到该文件：请把原来的 hall-keys.json 放回 ${keyFile} 后再启动` +
        ` (this database holds values sealed with a key file that is missing: put its` +
        ` hall-keys.json back at ${keyFile} and start again)`,
    );
    this.name = 'MissingKeyFileError';
  }
}

/** Whether any sealed column of the file holds a sealed (`e1.`) value; read-only, no migration. */
export function holdsSealedValues(dbFile: string): boolean {
  if (!existsSync(dbFile) || statSync(dbFile).size === 0) return false;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = tableNamesOf(db);
    return SEALED_COLUMNS.some(
      ({ table, column }) =>
        tables.has(table) &&
        prepared(db, `SELECT 1 FROM "${table}" WHERE "${column}" LIKE 'e1.%' LIMIT 1`).get() !==
          undefined,
    );
  } finally {
    db.close();
  }
}

/** Refuses to make new keys for a database that was sealed with keys of its own. */
export function refuseNewKeysForSealedData(dbFile: string, keyFile: string): void {
  if (!existsSync(keyFile) && holdsSealedValues(dbFile)) throw new MissingKeyFileError(keyFile);
}
