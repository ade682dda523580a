import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { HallLogger } from '../logging';
import { stamp } from '../../../../server-common/db';
import { parseBackupName } from './backup-files';
import { inspectBackup, RestoreRefusedError, type BackupInspection } from './restore-check';
import { readIdentity, type StationIdentity } from './station-identity';

export { inspectBackup, RestoreRefusedError, type RestoreRefusal } from './restore-check';

export interface RestoreResult extends BackupInspection {
  /** Where the database that was replaced now lies (kept, never deleted by the restore). */
  replacedFile: string | null;
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * Replaces `dbFile` with the backup `from`. No connection may be open on `dbFile` (the CLI runs
 * with the console stopped; the running console schedules the restore for its next start).
 * Order: check the backup, copy it to a temporary file beside the database and check the copy;
 * only then is the current database copied aside (with its WAL), its WAL removed (a stale WAL
 * would be replayed onto the restored file) and the copy renamed over it in one atomic step.
 */
export function restoreDatabase(
  dbFile: string,
  from: string,
  expected: StationIdentity | null,
  at: Date = new Date(),
): RestoreResult {
  const inspection = inspectBackup(from, expected);
  const temp = `${dbFile}.restoring`;
  rmSync(temp, { force: true });
  try {
    copyFileSync(from, temp);
    inspectBackup(temp, expected);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  let replacedFile: string | null = null;
  if (existsSync(dbFile)) {
    replacedFile = `${dbFile}.replaced.${stamp(at)}`;
    copyFileSync(dbFile, replacedFile);
    for (const side of SIDE_FILES) {
      if (existsSync(dbFile + side)) copyFileSync(dbFile + side, replacedFile + side);
    }
  }
  for (const side of SIDE_FILES) rmSync(dbFile + side, { force: true });
  renameSync(temp, dbFile);
  return { ...inspection, replacedFile };
}

/** The identity recorded in an existing database file, or null (absent, unreadable, unrecorded). */
export function identityOfFile(dbFile: string): StationIdentity | null {
  if (!existsSync(dbFile)) return null;
  try {
    const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    try {
      return readIdentity(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

// ---- Restore from the running console: checked now, swapped at the next start ----

const PendingSchema = z.object({ from: z.string(), requestedAt: z.string() });
const pendingFile = (dbFile: string) => `${dbFile}.restore-pending.json`;

/** Checks `from` now (a refusal is shown at once) and records it for the next start. */
export function scheduleRestore(
  dbFile: string,
  from: string,
  expected: StationIdentity,
  at: Date,
): BackupInspection {
  const inspection = inspectBackup(from, expected);
  writeFileSync(
    pendingFile(dbFile),
    JSON.stringify({ from, requestedAt: at.toISOString() }, null, 2),
  );
  return inspection;
}

/** The backup file name a restore is waiting on, if any. */
export function pendingRestore(dbFile: string): string | null {
  try {
    const parsed = PendingSchema.safeParse(JSON.parse(readFileSync(pendingFile(dbFile), 'utf8')));
    return parsed.success ? basename(parsed.data.from) : null;
  } catch {
    return null;
  }
}

export function cancelPendingRestore(dbFile: string): void {
  rmSync(pendingFile(dbFile), { force: true });
}

/**
 * Called by the composition root before the database is opened: applies a scheduled restore.
 * The request is consumed either way; a refused or failed one is logged and the current
 * database opens as it was.
 */
export function applyPendingRestore(
  dbFile: string,
  expected: StationIdentity,
  logger: Pick<HallLogger, 'event'>,
  at: Date,
): RestoreResult | null {
  let request: z.infer<typeof PendingSchema>;
  try {
    const parsed = PendingSchema.safeParse(JSON.parse(readFileSync(pendingFile(dbFile), 'utf8')));
    if (!parsed.success) {
      cancelPendingRestore(dbFile);
      return null;
    }
    request = parsed.data;
  } catch {
    return null; // no request
  }
  cancelPendingRestore(dbFile);
  const backupAt = parseBackupName(basename(request.from))?.at.toISOString() ?? 'unknown';
  try {
    const result = restoreDatabase(dbFile, request.from, expected, at);
    logger.event('restore.done', {
      backupAt,
      schemaVersion: result.schemaVersion,
      keptReplaced: result.replacedFile !== null,
    });
    return result;
  } catch (err) {
    const reason = err instanceof RestoreRefusedError ? err.reason : 'failed';
    logger.event('restore.refused', { backupAt, reason }, 'error');
    return null;
  }
}
