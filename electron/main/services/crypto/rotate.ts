import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupAndVerify } from '../../../../server-common/db';
import { prepared } from '../db';
import { createFieldCipher, type FieldCipher } from './cipher';
import {
  addDataKey,
  defaultKeyFile,
  dropOldDataKeys,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
  type KeyWrapper,
} from './keys';
import { SEALED_COLUMNS, tableNamesOf, type SealedColumn } from './sealed-columns';

/** Why the rotation did not start or did not finish, in the user's languages (no values). */
export class RotationRefusedError extends Error {
  constructor(readonly text: { zh: string; en: string }) {
    super(text.en);
    this.name = 'RotationRefusedError';
  }
}

export interface RotateOptions {
  dbFile: string;
  /** Default: `hall-keys.json` beside the database. */
  keyFile?: string;
  wrapper?: KeyWrapper;
  /** Run although a -wal file exists (the console crashed and is known to be stopped). */
  force?: boolean;
  backupDir?: string;
  now?: () => Date;
}

export interface RotateResult {
  /** Sealed values re-sealed (and verified) under the new key. */
  values: number;
  keyId: string;
  droppedKeyIds: string[];
  /** The verified copy taken first; it opens only with `keyBackupFile`, saved beside it. */
  backupFile: string;
  keyBackupFile: string;
}

interface Row {
  k: string | number;
  v: string | null;
}

const rowsOf = (db: BetterSqlite3.Database, c: SealedColumn): Row[] =>
  prepared<[], Row>(
    db,
    `SELECT "${c.rowKey}" AS k, "${c.column}" AS v FROM "${c.table}" WHERE "${c.column}" LIKE 'e1.%'`,
  ).all();

/** Re-seals every value of the sealed columns under the cipher's current key; one transaction. */
function resealAll(db: BetterSqlite3.Database, cipher: FieldCipher): number {
  let count = 0;
  db.transaction(() => {
    for (const c of SEALED_COLUMNS) {
      // Append-only tables refuse updates by trigger: lifted for this step, put back as it was.
      const guard = prepared<[string], { name: string; sql: string }>(
        db,
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
      ).get(`${c.table}_no_update`);
      if (guard) db.exec(`DROP TRIGGER "${guard.name}"`);
      const write = prepared<[string, string | number]>(
        db,
        `UPDATE "${c.table}" SET "${c.column}" = ? WHERE "${c.rowKey}" = ?`,
      );
      for (const row of rowsOf(db, c)) {
        if (row.v === null || !cipher.isSealed(row.v)) continue;
        const context = c.context(row.k);
        write.run(cipher.seal(cipher.open(row.v, context), context), row.k);
        count += 1;
      }
      if (guard) db.exec(guard.sql);
    }
  })();
  return count;
}

/** Every sealed value carries the new key id and opens with it; returns how many there are. */
function verifyAll(db: BetterSqlite3.Database, cipher: FieldCipher, keyId: string): number {
  let count = 0;
  for (const c of SEALED_COLUMNS) {
    for (const row of rowsOf(db, c)) {
      if (row.v === null || cipher.keyIdOf(row.v) !== keyId) {
        throw refusal(
          `${c.table}.${c.column} 中仍有旧密钥封存的值`,
          `${c.table}.${c.column} still holds a value under an old key`,
        );
      }
      cipher.open(row.v, c.context(row.k));
      count += 1;
    }
  }
  return count;
}

const refusal = (zh: string, en: string): RotationRefusedError =>
  new RotationRefusedError({ zh, en });

/**
 * Rotates the station's data key with the console stopped: a verified backup (and a copy of the
 * key file that opens it), a new current key, every sealed value re-sealed in one transaction,
 * a check that every value now carries the new key and opens, and only then the old keys go.
 * Failing before the drop leaves the old keys in the file, so nothing becomes unreadable.
 */
export function rotateDataKey(opts: RotateOptions): RotateResult {
  const wrapper = opts.wrapper ?? FILE_MODE_WRAPPER;
  const keyFile = opts.keyFile ?? defaultKeyFile(opts.dbFile);
  if (existsSync(`${opts.dbFile}-wal`) && !opts.force) {
    throw refusal(
      '数据库似乎仍在使用（存在 -wal 文件）：请先关闭营业厅服务台；若已关闭（例如异常退出后），加 --force。',
      'The database seems to be in use (a -wal file exists): stop the console first; if it is stopped (e.g. after a crash), add --force.',
    );
  }
  if (!existsSync(opts.dbFile))
    throw refusal('找不到数据库文件', 'the database file does not exist');
  // Never create keys here: a missing key file means the values cannot be opened at all.
  if (!existsSync(keyFile)) throw refusal('找不到密钥文件', 'the key file does not exist');
  const oldIds = [...loadOrCreateKeys(keyFile, wrapper).keys.dataKeys.keys()];

  const db = new BetterSqlite3(opts.dbFile, { fileMustExist: true });
  // As the console runs: the replaced (old-key) values leave nothing in free pages.
  db.pragma('secure_delete = ON');
  try {
    const tables = tableNamesOf(db);
    if (SEALED_COLUMNS.some((c) => !tables.has(c.table))) {
      throw refusal('这不是营业厅服务台的数据库', 'not a database of this console');
    }
    const at = (opts.now ?? (() => new Date()))();
    const backupDir = opts.backupDir ?? join(dirname(opts.dbFile), 'backups');
    const backupFile = backupAndVerify(db, backupDir, at, 'manual');
    const keyBackupFile = `${backupFile}.hall-keys.json`;
    copyFileSync(keyFile, keyBackupFile);
    chmodSync(keyBackupFile, 0o600);

    const keys = addDataKey(keyFile, wrapper);
    const values = resealAll(db, createFieldCipher(keys));
    // Checked with the key file as now on disk, so the drop never strands a value.
    const onDisk = createFieldCipher(loadOrCreateKeys(keyFile, wrapper).keys);
    const verified = verifyAll(db, onDisk, keys.currentKeyId);
    if (verified !== values) {
      throw refusal('重新封存后的数量不一致', `re-sealed ${values} values but found ${verified}`);
    }
    dropOldDataKeys(keyFile, wrapper);
    return { values, keyId: keys.currentKeyId, droppedKeyIds: oldIds, backupFile, keyBackupFile };
  } finally {
    db.close();
  }
}
