import { basename } from 'node:path';
import type { HandlersFor } from '../../../../shared/api/dispatcher';
import { apiError } from '../../../../shared/api/errors';
import type {
  BackupEntry,
  BackupList,
  operationsMethods,
} from '../../../../shared/api/methods/operations';
import { listBackups, type BackupFile } from '../db/backup-files';
import { createBackupSchedule, type BackupScheduleConfig } from '../db/backup-schedule';
import { BackupFailedError } from '../db';
import {
  cancelPendingRestore,
  pendingRestore,
  RestoreRefusedError,
  scheduleRestore,
} from '../db/restore';
import { stampDatabase, type StationIdentity } from '../db/station-identity';
import type { HallLogger } from '../logging';
import { buildDiagnostics, type DiagnosticsSources } from './diagnostics';

export { buildDiagnostics, type DiagnosticsBundle } from './diagnostics';

export interface OperationsOptions extends Omit<DiagnosticsSources, 'logFiles' | 'backups'> {
  logger: HallLogger;
  /** Present: backups run on their schedule (the hosts); absent: only on request (tests). */
  backups?: BackupScheduleConfig;
}

export type OperationsHandlers = HandlersFor<typeof operationsMethods>;

const entry = (b: BackupFile): BackupEntry => ({
  file: b.file,
  at: b.at.toISOString(),
  schemaVersion: b.schemaVersion,
  kind: b.kind,
  bytes: b.bytes,
});

/**
 * Logs, diagnostics and backups for the supervisor's desk: stamps the database with this
 * station's identity (so its backups can be recognised), runs the backup schedule and serves
 * the operations methods. A restore asked for here is checked at once and applied at the next
 * start (applyPendingRestore in the composition root), never under the running services.
 */
export function createOperations(opts: OperationsOptions) {
  const identity: StationIdentity = {
    hallCode: opts.station.hallCode,
    stationCode: opts.station.stationCode,
  };
  stampDatabase(opts.db, identity);
  const dbName = basename(opts.dbFile);
  const schedule = createBackupSchedule({
    db: opts.db,
    backupDir: opts.backupDir,
    now: opts.now,
    logger: opts.logger,
    ...opts.backups,
  });
  const backups = () => listBackups(opts.backupDir, dbName);
  const list = (): BackupList => ({
    backups: backups().map(entry),
    pendingRestore: pendingRestore(opts.dbFile),
    everyHours: schedule.config.everyHours,
    keepDays: schedule.config.keepDays,
  });

  const handlers: OperationsHandlers = {
    'system.diagnostics': () => {
      const bundle = buildDiagnostics({
        ...opts,
        logFiles: () => opts.logger.files(),
        backups: { ...schedule.config, scheduled: opts.backups !== undefined },
      });
      const json = Buffer.from(JSON.stringify(bundle, null, 2), 'utf8');
      opts.logger.event('diagnostics.exported', {
        bytes: json.length,
        logFiles: bundle.logs.length,
      });
      const day = bundle.generatedAt.slice(0, 10);
      return {
        filename: `diagnostics-${identity.hallCode}-${identity.stationCode}-${day}.json`,
        mimeType: 'application/json' as const,
        base64: json.toString('base64'),
        bytes: json.length,
      };
    },
    'backups.list': () => list(),
    'backups.create': () => {
      try {
        const file = schedule.backupNow('manual');
        const made = backups().find((b) => b.file === file);
        if (!made) throw new BackupFailedError('listing');
        return entry(made);
      } catch (err) {
        const detail = err instanceof BackupFailedError ? err.detail : 'unexpected';
        throw apiError(
          'UNAVAILABLE',
          `备份失败（${detail}），请检查磁盘空间后重试。`,
          `The backup failed (${detail}); check the free disk space and retry.`,
        );
      }
    },
    'backups.restore': ({ file }) => {
      const backup = backups().find((b) => b.file === file);
      if (!backup) {
        throw apiError('NOT_FOUND', `没有这个备份：${file}`, `No such backup: ${file}`);
      }
      try {
        scheduleRestore(opts.dbFile, backup.path, identity, opts.now());
      } catch (err) {
        if (!(err instanceof RestoreRefusedError)) throw err;
        opts.logger.event(
          'restore.refused',
          { backupAt: backup.at.toISOString(), reason: err.reason },
          'warn',
        );
        throw apiError('VALIDATION', err.text.zh, err.text.en);
      }
      opts.logger.event('restore.scheduled', { backupAt: backup.at.toISOString() });
      return list();
    },
    'backups.cancelRestore': () => {
      cancelPendingRestore(opts.dbFile);
      opts.logger.event('restore.cancelled');
      return list();
    },
  };

  return {
    handlers,
    schedule,
    start: () => {
      if (opts.backups) schedule.start();
    },
    stop: () => schedule.stop(),
  };
}

export type Operations = ReturnType<typeof createOperations>;
