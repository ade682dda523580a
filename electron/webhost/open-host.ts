import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readBuildLabel } from '../main/services/build-info';
import { FAST_SYNC_TIMING } from '../main/services/createServices';
import { checkHubEndpoint } from '../main/services/central-client/hub';
import { catalogueFromEnv, clockFromEnv } from './clock';
import { startWebHost } from './server';
import { STATION_KINDS } from '../../shared/station/config';
import { loadConfigForHost, STATION_CONFIG_FILE } from '../main/services/station/config-file';
import type { StationOverrides } from '../main/services/station/runtime';
import { createHallLogger } from '../main/services/logging';
import { backupConfigFromFlags } from '../main/services/db/backup-config';
import type { ListeningHost } from './listen';

/** main.ts's command line (its parseArgs options). */
export interface HostFlags {
  port: string;
  db: string;
  renderer: string;
  config?: string;
  station?: string;
  role?: string;
  'data-dir'?: string;
  'backup-hours'?: string;
  'backup-keep-days'?: string;
}

/** A bad flag or config file: one line, code 2. */
function refuse(line: string): never {
  console.error(line);
  process.exit(2);
}

/**
 * The web host's second half, loaded once it listens: checks the flags and the station config
 * (a bad one ends the process with one line and code 2, as before it listened), then opens the
 * services behind the listening host.
 */
export async function openWebHost(values: HostFlags, listening: ListeningHost): Promise<void> {
  const backups = backupConfigFromFlags(values['backup-hours'], values['backup-keep-days']);
  if (typeof backups === 'string') {
    refuse(backups);
  }

  const ROLE_FLAGS = ['staff', ...STATION_KINDS] as const;
  const roleFlag = ROLE_FLAGS.find((r) => r === values.role);
  if (values.role !== undefined && !roleFlag) {
    refuse(`--role must be one of ${ROLE_FLAGS.join(', ')}`);
  }

  // A wrong hub address or fingerprint is one line at start, not a stack trace.
  if (process.env.HUB_URL) {
    try {
      checkHubEndpoint(process.env.HUB_URL, process.env.HUB_FINGERPRINT || undefined);
    } catch (err) {
      refuse(`HUB_URL / HUB_FINGERPRINT: ${(err as Error).message}`);
    }
  }

  // HALL_NOW=2026-09-30T10:00:00+08:00 starts the services' clock there (demos, e2e).
  const hallClock = clockFromEnv(process.env.HALL_NOW);
  // HALL_CATALOGUE_VERSION=2026.2 serves that version whatever the date (end-to-end tests written
  // against one version); unset = every shipped version, chosen by the hall date.
  const pinnedCatalogue = catalogueFromEnv(process.env.HALL_CATALOGUE_VERSION);

  const dbFile = resolve(values.db);
  mkdirSync(dirname(dbFile), { recursive: true });
  const dataDir = resolve(values['data-dir'] ?? dirname(dbFile));
  const configFile = resolve(values.config ?? resolve(dataDir, STATION_CONFIG_FILE));
  const loaded = loadConfigForHost(configFile, values.config !== undefined);
  if (!loaded.ok) {
    refuse(loaded.line);
  }
  const overrides: StationOverrides = {
    ...(values.station ? { stationCode: values.station } : {}),
    ...(roleFlag ? { role: roleFlag === 'staff' ? 'counter' : roleFlag } : {}),
    ...(process.env.CENTRAL_URL ? { centralUrl: process.env.CENTRAL_URL } : {}),
    ...(process.env.HUB_URL ? { hubUrl: process.env.HUB_URL } : {}),
    ...(process.env.HUB_FINGERPRINT ? { hubFingerprint: process.env.HUB_FINGERPRINT } : {}),
    // The demo's fake ID card reader (npm start); the services refuse a non-local address.
    ...(process.env.HALL_ID_READER_URL ? { idReaderUrl: process.env.HALL_ID_READER_URL } : {}),
  };
  if (Object.keys(overrides).length > 0) {
    console.log(
      `web host: development settings from flags/environment win over the station config: ${Object.keys(overrides).join(', ')}`,
    );
  }
  // Structured, masked log files; stderr keeps a short copy for development.
  // pino loads once the first screen's calls are over (or at the first warning): its ~40-100 ms
  // of CPU would otherwise sit between the page's first calls and their answers.
  const logger = createHallLogger({ dir: resolve(dataDir, 'logs'), deferWriter: true });
  const host = await startWebHost(
    {
      dbFile,
      backupDir: resolve(dataDir, 'backups'),
      logger,
      backups,
      port: listening.port,
      rendererDir: resolve(values.renderer),
      station: { file: configFile, fileConfig: loaded.fileConfig, overrides },
      ...(process.env.HALL_SYNC_FAST === '1' ? { syncTiming: FAST_SYNC_TIMING } : {}),
      ...(hallClock ? { now: hallClock } : {}),
      ...(pinnedCatalogue ? { catalogues: pinnedCatalogue } : {}),
      about: {
        build: readBuildLabel(resolve(values.renderer, '../build-info.json')),
        configPath: loaded.fileConfig ? configFile : null,
      },
    },
    listening,
  );

  logger.event('webhost.started', {
    port: host.port,
    configured: loaded.fileConfig !== null || Object.keys(overrides).length > 0,
  });

  const stop = () => {
    void host.close().then(() => {
      logger.event('webhost.stopped');
      logger.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
