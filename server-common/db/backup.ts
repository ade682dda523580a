import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BackupFailedError } from './errors';

/** `20250301T093000123` in UTC: sortable, no characters a file system dislikes. */
export const stamp = (at: Date): string =>
  at.toISOString().replace(/[-:]/g, '').replace('.', '').slice(0, 18);

/**
 * Writes a consistent copy of `db` into `backupDir` with VACUUM INTO, then opens the copy and
 * checks it (integrity_check ok, same user_version) before anyone relies on it.
 * Returns the backup's path; throws BackupFailedError (and removes the bad copy) otherwise.
 * `label` tells scheduled (`auto`) and supervisor-made (`manual`) copies from the unlabelled
 * one taken before a migration (names parsed in backup-files.ts).
 */
export function backupAndVerify(
  db: Database.Database,
  backupDir: string,
  at: Date,
  label?: 'auto' | 'manual',
): string {
  const version = db.pragma('user_version', { simple: true }) as number;
  const suffix = label ? `.${label}.bak` : '.bak';
  const target = join(backupDir, `${basename(db.name)}.v${version}.${stamp(at)}${suffix}`);
  try {
    mkdirSync(backupDir, { recursive: true });
  } catch (err) {
    throw new BackupFailedError('backup directory', { cause: err });
  }
  if (existsSync(target)) throw new BackupFailedError('target exists');
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    rmSync(target, { force: true });
    throw new BackupFailedError('VACUUM INTO', { cause: err });
  }
  let copy: Database.Database | undefined;
  try {
    copy = new Database(target, { readonly: true, fileMustExist: true });
    const integrity = copy.pragma('integrity_check', { simple: true });
    const copyVersion = copy.pragma('user_version', { simple: true });
    if (integrity !== 'ok') throw new BackupFailedError('integrity_check');
    if (copyVersion !== version) throw new BackupFailedError('user_version mismatch');
  } catch (err) {
    copy?.close();
    copy = undefined;
    rmSync(target, { force: true });
    if (err instanceof BackupFailedError) throw err;
    throw new BackupFailedError('verify', { cause: err });
  } finally {
    copy?.close();
  }
  return target;
}
