import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { hallDate } from '../../../../shared/hall-time';
import type { HallLogger } from '../logging';
import { backupAndVerify } from '../../../../server-common/db';
import { listBackups, pruneBackups } from './backup-files';
import { BackupFailedError } from '../../../../server-common/db';

export interface BackupScheduleConfig {
  /** Hours between scheduled backups (default 24); a new hall day also makes one. */
  everyHours?: number;
  /** Days a backup is kept (default 14); the newest one is always kept. */
  keepDays?: number;
}

export const BACKUP_DEFAULTS = { everyHours: 24, keepDays: 14 } as const;

export interface BackupScheduleOptions extends BackupScheduleConfig {
  db: Database.Database;
  backupDir: string;
  now: () => Date;
  logger: Pick<HallLogger, 'event'>;
  /** How often the timer looks whether a backup is due (default every 10 minutes). */
  checkEveryMs?: number;
  /**
   * The first look after start (default 2 s): the start-up backup (VACUUM INTO and an
   * integrity check, seconds on a big file) runs after the first screen, not before listening.
   */
  firstCheckAfterMs?: number;
}

export interface BackupSchedule {
  /** Makes a backup when one is due; returns its file name, or null (not due, or failed). */
  runIfDue(): string | null;
  /** A verified backup now (the supervisor's button); throws BackupFailedError. */
  backupNow(label: 'auto' | 'manual'): string;
  /** Runs once shortly after start (`firstCheckAfterMs`), then on the timer. */
  start(): void;
  stop(): void;
  readonly config: Required<BackupScheduleConfig>;
}

/**
 * Online backups of the station database: VACUUM INTO a new file while the console runs, then
 * integrity_check on the copy (backup.ts removes a copy that fails). Due every `everyHours` and
 * at the first start of a hall day; afterwards files older than `keepDays` are pruned.
 */
export function createBackupSchedule(opts: BackupScheduleOptions): BackupSchedule {
  const config = {
    everyHours: opts.everyHours ?? BACKUP_DEFAULTS.everyHours,
    keepDays: opts.keepDays ?? BACKUP_DEFAULTS.keepDays,
  };
  const dbName = basename(opts.db.name);
  let timer: ReturnType<typeof setInterval> | undefined;
  let first: ReturnType<typeof setTimeout> | undefined;

  function isDue(at: Date): boolean {
    const latest = listBackups(opts.backupDir, dbName).find((b) => b.kind !== 'migration');
    if (!latest) return true;
    const age = at.getTime() - latest.at.getTime();
    return age >= config.everyHours * 3600_000 || hallDate(latest.at) !== hallDate(at);
  }

  function backupNow(label: 'auto' | 'manual'): string {
    const at = opts.now();
    const started = Date.now();
    try {
      const file = basename(backupAndVerify(opts.db, opts.backupDir, at, label));
      const pruned = pruneBackups(opts.backupDir, dbName, config.keepDays, at);
      // The time, not the file name: the name's stamp looks like a credit code to the masking.
      opts.logger.event('backup.done', {
        backupAt: at.toISOString(),
        label,
        ms: Date.now() - started,
        pruned: pruned.length,
      });
      return file;
    } catch (err) {
      const detail = err instanceof BackupFailedError ? err.detail : 'unexpected';
      opts.logger.event('backup.failed', { label, detail }, 'error');
      throw err;
    }
  }

  function runIfDue(): string | null {
    if (!opts.db.open || !isDue(opts.now())) return null;
    try {
      return backupNow('auto');
    } catch {
      return null; // logged by backupNow; the next check tries again
    }
  }

  return {
    runIfDue,
    backupNow,
    start() {
      first = setTimeout(runIfDue, opts.firstCheckAfterMs ?? 2_000);
      first.unref?.();
      timer = setInterval(runIfDue, opts.checkEveryMs ?? 10 * 60_000);
      timer.unref?.();
    },
    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = timer = undefined;
    },
    config,
  };
}
