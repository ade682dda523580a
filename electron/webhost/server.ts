import type { CatalogueShelf } from '../../shared/catalogue/versions';
import { createServices, type SyncTiming } from '../main/services/createServices';
import { listenWebHost, type ListeningHost } from './listen';
import type { StationRole } from '../../shared/auth/schemas';
import type { ScryptCost } from '../main/services/auth/password';
import type { HallLogger } from '../main/services/logging';
import type { BackupScheduleConfig } from '../main/services/db/backup-schedule';
import {
  createStationRuntime,
  type StationHooks,
  type StationOverrides,
} from '../main/services/station/runtime';
import { stationRoleOf, type StationConfig } from '../../shared/station/config';

export interface WebHostOptions {
  dbFile: string;
  /** Demo trust: enrol with the development secret (default: HALL_DEMO=1, as npm start sets). */
  demo?: boolean;
  backupDir?: string;
  /** 0 picks a free port. */
  port?: number;
  rendererDir?: string;
  hallName?: string;
  hallCode?: string;
  stationCode?: string;
  centralUrl?: string;
  /** The hall hub for the queue (HUB_URL in main.ts) and its pinned certificate fingerprint. */
  hubUrl?: string;
  hubFingerprint?: string;
  /** The desk's ID card reader service (tests; hosts use the station config's `idReaderUrl`). */
  idReaderUrl?: string;
  /** Sync engine timing; FAST_SYNC_TIMING for tests (HALL_SYNC_FAST=1 in main.ts). */
  syncTiming?: SyncTiming;
  log?: (line: string) => void;
  /** Log files (main.ts: `<data dir>/logs`). */
  logger?: HallLogger;
  /** Scheduled backups; absent = only on a supervisor's request. */
  backups?: BackupScheduleConfig;
  /** What this station is (HALL_ROLE / --role): staff stations require sign-in. */
  stationRole?: StationRole;
  /** Enforce sign-in and the role × method table (default on). */
  enforceRoles?: boolean;
  /** scrypt cost for staff secrets (OWASP's by default; fuzz tests lower it). */
  scryptCost?: ScryptCost;
  /** The services' clock (HALL_NOW in main.ts); default the real one. */
  now?: () => Date;
  /** The catalogue versions (HALL_CATALOGUE_VERSION in main.ts); default all, by hall date. */
  catalogues?: CatalogueShelf;
  /** For the About dialog: build label and station config file. */
  about?: { build?: string; configPath?: string | null };
  /**
   * The station config file (main.ts): hall, station, role and addresses come from it, and
   * until it exists only the first-start wizard answers. Absent: the options above (tests).
   */
  station?: { file: string; fileConfig: StationConfig | null; overrides?: StationOverrides };
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the console's services and the built renderer on 127.0.0.1 only. Listens first (or
 * takes a host main.ts already has listening), then opens the services; calls in between wait.
 */
export async function startWebHost(
  options: WebHostOptions,
  listening?: ListeningHost,
): Promise<WebHost> {
  const host =
    listening ??
    (await listenWebHost({ port: options.port ?? 0, rendererDir: options.rendererDir }));
  let services: ReturnType<typeof createStationRuntime> | ReturnType<typeof servicesFor>;
  try {
    services = options.station
      ? createStationRuntime({
          ...options.station,
          start: (config, hooks) => servicesFor(options, config, hooks),
          ...(options.log ? { log: options.log } : {}),
        })
      : servicesFor(options);
  } catch (err) {
    host.fail();
    await host.close();
    throw err;
  }
  const running = services;
  host.provide({
    dispatch: running.dispatch,
    // A station runtime restarts its services on a config change: always the running ones.
    events: () => ('services' in running ? running.services()?.events : running.events) ?? null,
    close: () => running.close(),
  });
  return { url: host.url, port: host.port, close: host.close };
}

/** The services for the options, or for a station config when the host has one. */
function servicesFor(options: WebHostOptions, config?: StationConfig, hooks?: StationHooks) {
  return createServices({
    dbFile: options.dbFile,
    backupDir: options.backupDir,
    hallName: config?.hallName ?? options.hallName,
    hallCode: config?.hallCode ?? options.hallCode,
    stationCode: config?.stationCode ?? options.stationCode,
    ...(config?.receiptQueryUrl ? { receiptQueryUrl: config.receiptQueryUrl } : {}),
    ...((config?.idReaderUrl ?? options.idReaderUrl)
      ? { idReaderUrl: config?.idReaderUrl ?? options.idReaderUrl }
      : {}),
    centralUrl: config ? config.centralUrl : options.centralUrl,
    ...((config?.hubUrl ?? options.hubUrl) ? { hubUrl: config?.hubUrl ?? options.hubUrl } : {}),
    ...((config?.hubFingerprint ?? options.hubFingerprint)
      ? { hubFingerprint: config?.hubFingerprint ?? options.hubFingerprint }
      : {}),
    // As the Electron host: the config's enrolment code (development: HALL_ENROLMENT_CODE), or
    // demo mode's development secret.
    enrolmentCode: config?.enrolmentCode ?? process.env.HALL_ENROLMENT_CODE,
    demo: options.demo ?? process.env.HALL_DEMO === '1',
    ...(hooks ? { station: hooks } : {}),
    ...(options.syncTiming ? { syncTiming: options.syncTiming } : {}),
    registrationSecret: process.env.HALL_REGISTRATION_SECRET,
    transport: 'http',
    ...(options.now ? { now: options.now } : {}),
    ...(options.catalogues ? { catalogues: options.catalogues } : {}),
    log: options.log,
    ...(options.about ? { about: options.about } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.backups ? { backups: options.backups } : {}),
    auth: {
      enforce: options.enforceRoles ?? true,
      stationRole: config ? stationRoleOf(config.role) : (options.stationRole ?? 'staff'),
      ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    },
  });
}
