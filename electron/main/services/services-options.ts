import type { Dispatch } from '../../../shared/api/dispatcher';
import type { UpdateStatus } from '../../../shared/api/methods/core';
import type { CatalogueShelf } from '../../../shared/catalogue/versions';
import type { AppointmentService } from './appointments';
import type { AuthArea } from './auth/compose';
import type { AuthOptions } from './auth/service';
import type { KeyWrapper } from './crypto';
import type { Database } from './db';
import type { BackupScheduleConfig } from './db/backup-schedule';
import type { WalCheckpointer, WalCheckpointerOptions } from './db/wal-checkpointer';
import type { EventsArea } from './events/area';
import type { HallLogger } from './logging';
import type { QueueService } from './queue';
import type { StationHooks } from './station/runtime';
import type { SyncEngineOptions, SyncService } from './sync';

/**
 * What the hosts pass to createServices and what they get back, with the defaults they share:
 * kept apart from the composition root so that reading the options needs no wiring.
 */

export interface ServicesOptions {
  dbFile: string;
  backupDir?: string;
  hallName?: string;
  hallCode?: string;
  stationCode?: string;
  /** The receipt QR's query address template (station config); absent: the demo default. */
  receiptQueryUrl?: string;
  /** The desk's ID card reader service (station config `idReaderUrl`); absent: no reader. */
  idReaderUrl?: string | undefined;
  transport: 'ipc' | 'http';
  now?: () => Date;
  /** The catalogue versions shipped (default: all of this build's, chosen by hall date). */
  catalogues?: CatalogueShelf;
  log?: (line: string) => void;
  /** Structured, masked log files (the hosts: `<data dir>/logs`); `log` lines go there too. */
  logger?: HallLogger;
  /** Scheduled backups (the hosts); absent = backups only when a supervisor asks. */
  backups?: BackupScheduleConfig;
  /** The utility's central system; absent = the console works offline and queues everything. */
  centralUrl?: string;
  /** This station's one-time enrolment code (station config; HALL_ENROLMENT_CODE in the hosts). */
  enrolmentCode?: string | undefined;
  /**
   * The station config runtime (station/runtime.ts): `station.*` methods and the hook that
   * drops the enrolment code once used. Absent: a fixed config from these options (tests).
   */
  station?: StationHooks;
  /** A shared registration secret: demo mode only (default the development secret there). */
  registrationSecret?: string | undefined;
  /**
   * Demo mode (npm start with its own local central system): without an enrolment code the
   * station enrols with the development secret. Outside demo mode a central URL without an
   * enrolment code refuses to start.
   */
  demo?: boolean;
  /**
   * The hall hub on the LAN (ticket queue, board, kiosk drafts, guide records): https with
   * `hubFingerprint` (SHA-256 of its certificate, pinned), or http on this machine. Absent: the
   * queue goes to `centralUrl`, as when one local process plays both parts (`npm start`).
   */
  hubUrl?: string;
  hubFingerprint?: string;
  /** Start the sync engine's loop (default true when a central URL is given). */
  startSync?: boolean;
  /** Sync engine timing (idle poll, backoff, timeouts): short for tests, see FAST_SYNC_TIMING. */
  syncTiming?: SyncTiming;
  /**
   * The WAL checkpointer's timing (db/wal-checkpointer.ts); a file database only. `false`:
   * SQLite's own checkpoint on commit, as before it (benches compare the two).
   */
  walCheckpoint?: WalCheckpointerOptions | false;
  /** Check every answer against the contract's output schema (tests). */
  validateOutput?: boolean;
  /**
   * Staff sign-in and role enforcement: on unless `enforce: false` is said (in-process tests
   * that play a trusted caller).
   */
  auth?: AuthOptions;
  /** For the About dialog: the build label (see build-info.ts) and the station config file. */
  about?: { build?: string; configPath?: string | null };
  /** The Electron shell's software update state (absent: `off`). */
  updateStatus?: () => UpdateStatus;
  /** The station's key file (default `hall-keys.json` beside the database file). */
  keyFile?: string;
  /** How the key file's secrets are wrapped: Electron's OS key store, else the file's 0600 mode. */
  keyWrapper?: KeyWrapper;
}

export interface Services {
  dispatch: Dispatch;
  db: Database;
  sync: SyncService;
  /** The station's side of the hall queue (offline tickets, merge, counter state). */
  queue: QueueService;
  /** Accounts, sessions and the audit trail (tests and the hosts' first-run checks). */
  authArea: AuthArea;
  /** Pushed events: the bus the hosts' streams subscribe to, and `open(ticket)` for a stream. */
  events: Pick<EventsArea, 'bus' | 'open'>;
  /** Appointments: the hub's, and the copy for check-in with the hub down. */
  appointments: AppointmentService;
  /** The WAL checkpointer's worker (a file database only); close() stops it. */
  walCheckpointer?: WalCheckpointer;
  close(): Promise<void>;
}

export type SyncTiming = Pick<
  SyncEngineOptions,
  'idlePollMs' | 'backoff' | 'requestTimeoutMs' | 'watchdog'
>;

/**
 * Sync timing for end-to-end tests and demos (the web host's HALL_SYNC_FAST=1): stages are
 * pulled every second and a failed request is retried within two seconds, instead of the
 * production idle poll of 15 s and backoff of up to minutes.
 */
export const FAST_SYNC_TIMING: SyncTiming = {
  idlePollMs: 1000,
  backoff: { baseMs: 200, capMs: 2000 },
  requestTimeoutMs: 5000,
};

export const DEFAULT_HALL_NAME = '示范供电营业厅';
export const DEFAULT_HALL_CODE = 'HALL01';
export const DEFAULT_STATION_CODE = 'C01';

/**
 * Only the error's class and stack frames: messages of foreign errors may carry values
 * (personal data) and must not reach the log.
 */
export function describeInternalError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frames = (err.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
  const code = (err as { code?: unknown }).code;
  return [err.name + (typeof code === 'string' ? ` (${code})` : ''), ...frames.slice(0, 8)].join(
    '\n',
  );
}
