import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SyncStatusView } from '../../../../shared/sync/sync-api';
import type { QueueStatus } from '../../../../shared/api/methods/queue';
import type { CatalogueShelf, RequestShelf } from '../../../../shared/catalogue/versions';
import { prepared, type Database } from '../db';
import { createApplicationRepository } from '../applications/repository';
import { listBackups } from '../db/backup-files';
import { LATEST_VERSION } from '../db/migrations';
import { redactText } from '../logging';

export interface DiagnosticsSources {
  db: Database;
  dbFile: string;
  backupDir: string;
  /** Log files, current first (HallLogger.files()). */
  logFiles: () => string[];
  /** The catalogue versions the services use: reported as the one in force now. */
  catalogues: { applications: CatalogueShelf; requests: RequestShelf };
  station: {
    appVersion: string;
    hallCode: string;
    stationCode: string;
    stationRole: string;
    transport: 'ipc' | 'http';
  };
  /** The central system's address as configured (only its origin is reported). */
  centralUrl: string | undefined;
  developmentSecret: boolean;
  backups: { everyHours: number; keepDays: number; scheduled: boolean };
  syncStatus: () => SyncStatusView;
  queueStatus: () => QueueStatus;
  now: () => Date;
}

/** How much of the logs goes into one bundle: the newest files, the end of each. */
export const DIAGNOSTIC_LOG_FILES = 3;
export const DIAGNOSTIC_LOG_TAIL_BYTES = 256 * 1024;

function tail(file: string, maxBytes: number): { bytes: number; lines: string[] } {
  const size = statSync(file).size;
  const start = Math.max(0, size - maxBytes);
  const buf = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, buf.length, start);
  } finally {
    closeSync(fd);
  }
  const lines = buf.toString('utf8').split('\n').filter(Boolean);
  // A cut line at the start is dropped rather than shown half.
  if (start > 0) lines.shift();
  // Masked again: the files are masked on the way in, this also covers lines of older versions.
  return { bytes: size, lines: lines.map((l) => redactText(l, Infinity)) };
}

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).origin; // no credentials, path or query
  } catch {
    return 'invalid';
  }
};

/**
 * The catalogue versions in force at `now`: chosen by the hall date, or pinned whatever the
 * date (HALL_CATALOGUE_VERSION), and the next scheduled version when there is one.
 */
export function catalogueReport(shelves: DiagnosticsSources['catalogues'], now: Date) {
  const { applications, requests } = shelves;
  const next = applications.pinned ? undefined : applications.next(now);
  return {
    inForce: applications.inForce(now).version,
    requests: requests.inForce(now).version,
    chosenBy: applications.pinned ? ('pinned' as const) : ('hall date' as const),
    next: next ? { version: next.version, from: next.effectiveFrom } : null,
  };
}

/**
 * The supervisor's "export diagnostics": what the hall's IT staff need to see what happened,
 * with no personal data: versions, configuration without secrets, status counts and the end of
 * the newest log files. Counts come from GROUP BY queries, never from rows.
 */
export function buildDiagnostics(src: DiagnosticsSources) {
  const sync = src.syncStatus();
  const queue = src.queueStatus();
  const sqlite =
    prepared<[], { v: string }>(src.db, 'SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
  const backups = listBackups(src.backupDir, basename(src.dbFile));
  return {
    format: 'hall-diagnostics/1',
    generatedAt: src.now().toISOString(),
    versions: {
      app: src.station.appVersion,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite,
      catalogue: catalogueReport(src.catalogues, src.now()),
      schema: src.db.pragma('user_version', { simple: true }) as number,
      schemaLatest: LATEST_VERSION,
      platform: `${process.platform}-${process.arch}`,
    },
    config: {
      hallCode: src.station.hallCode,
      stationCode: src.station.stationCode,
      stationRole: src.station.stationRole,
      transport: src.station.transport,
      central: originOf(src.centralUrl),
      registrationSecret: src.developmentSecret ? 'development' : 'configured',
      backups: src.backups,
    },
    database: {
      bytes: src.dbFile === ':memory:' ? null : statSync(src.dbFile).size,
      applicationsByState: createApplicationRepository(src.db).countByState(),
    },
    sync: {
      configured: sync.configured,
      online: sync.online,
      registered: sync.registered,
      halted: sync.halted,
      counts: sync.counts,
      consecutiveFailures: sync.consecutiveFailures,
      lastSuccessAt: sync.lastSuccessAt,
      lastAttemptAt: sync.lastAttemptAt,
      lastError: sync.lastError === null ? null : redactText(sync.lastError),
      alerts: sync.alerts.length,
    },
    queue: {
      configured: queue.configured,
      online: queue.online,
      lastSuccessAt: queue.lastSuccessAt,
      lastError: queue.lastError === null ? null : redactText(queue.lastError),
      offlinePending: queue.offlinePending,
      offlineMerged: queue.offlineMerged,
      offlineVoid: queue.offlineVoid,
    },
    backups: backups.map((b) => ({
      file: b.file,
      at: b.at.toISOString(),
      kind: b.kind,
      schemaVersion: b.schemaVersion,
      bytes: b.bytes,
    })),
    logs: src
      .logFiles()
      .slice(0, DIAGNOSTIC_LOG_FILES)
      .map((file) => ({ file: basename(file), ...tail(file, DIAGNOSTIC_LOG_TAIL_BYTES) })),
  };
}

export type DiagnosticsBundle = ReturnType<typeof buildDiagnostics>;
