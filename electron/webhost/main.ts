import './require-node';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildLabel } from '../main/services/build-info';
import { FAST_SYNC_TIMING } from '../main/services/createServices';
import { checkHubEndpoint } from '../main/services/central-client/hub';
import { catalogueFromEnv, clockFromEnv } from './clock';
import { startWebHost } from './server';
import { STATION_KINDS } from '../../shared/station/config';
import { loadConfigForHost, STATION_CONFIG_FILE } from '../main/services/station/config-file';
import type { StationOverrides } from '../main/services/station/runtime';
import { listenProblem } from '../../shared/runtime/startup';
import { createHallLogger } from '../main/services/logging';
import { backupConfigFromFlags } from '../main/services/db/backup-config';

// CLI (built by `npm run build`; `npm run webhost -- --port 5174` runs it):
//   node out/webhost/main.js [--port 5174] [--db .data/hall.db] [--renderer out/renderer]
//   [--data-dir DIR (logs/ and backups/; default: the --db file's folder)]
//   [--backup-hours 24] [--backup-keep-days 14]
//   [--config FILE (the station config; default <data dir>/station-config.json, written by the
//   first-start wizard)]
// Development only (they win over the config file, and the host says so in one line):
// --station / HALL_STATION, --role / HALL_ROLE (staff = counter, kiosk, display…), CENTRAL_URL,
// HUB_URL and HUB_FINGERPRINT (the hall hub for the queue and its pinned certificate),
// HALL_ID_READER_URL (the desk's ID card reader service, local only: docs/id-reader.md).
// HALL_SYNC_FAST=1 (sync every second and retry within 2 s: for end-to-end tests and demos).
// Milliseconds since the process started (performance's origin): the imports are done here.
const modulesLoadedMs = performance.now();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return ((user + system) / 1000).toFixed(0);
};
const modulesCpuMs = cpuMs();
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5174' },
    db: { type: 'string', default: process.env.HALL_DB ?? '.data/hall.db' },
    renderer: { type: 'string', default: 'out/renderer' },
    config: { type: 'string' },
    station: { type: 'string', default: process.env.HALL_STATION },
    // staff (sign-in required), kiosk or display (no sign-in, only their own actions).
    role: { type: 'string', default: process.env.HALL_ROLE },
    'data-dir': { type: 'string' },
    'backup-hours': { type: 'string' },
    'backup-keep-days': { type: 'string' },
  },
});
const backups = backupConfigFromFlags(values['backup-hours'], values['backup-keep-days']);
if (typeof backups === 'string') {
  console.error(backups);
  process.exit(2);
}

const ROLE_FLAGS = ['staff', ...STATION_KINDS] as const;
const roleFlag = ROLE_FLAGS.find((r) => r === values.role);
if (values.role !== undefined && !roleFlag) {
  console.error(`--role must be one of ${ROLE_FLAGS.join(', ')}`);
  process.exit(2);
}

// A wrong hub address or fingerprint is one line at start, not a stack trace.
if (process.env.HUB_URL) {
  try {
    checkHubEndpoint(process.env.HUB_URL, process.env.HUB_FINGERPRINT || undefined);
  } catch (err) {
    console.error(`HUB_URL / HUB_FINGERPRINT: ${(err as Error).message}`);
    process.exit(2);
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
  console.error(loaded.line);
  process.exit(2);
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
const logger = createHallLogger({ dir: resolve(dataDir, 'logs') });
const servicesStartMs = performance.now();
const host = await startWebHost({
  dbFile,
  backupDir: resolve(dataDir, 'backups'),
  logger,
  backups,
  port: Number(values.port),
  rendererDir: resolve(values.renderer),
  station: { file: configFile, fileConfig: loaded.fileConfig, overrides },
  ...(process.env.HALL_SYNC_FAST === '1' ? { syncTiming: FAST_SYNC_TIMING } : {}),
  ...(hallClock ? { now: hallClock } : {}),
  ...(pinnedCatalogue ? { catalogues: pinnedCatalogue } : {}),
  about: {
    build: readBuildLabel(resolve(values.renderer, '../build-info.json')),
    configPath: loaded.fileConfig ? configFile : null,
  },
}).catch((err: unknown) => {
  const line = listenProblem(err, values.port, '--port (npm start: PORT)');
  if (!line) throw err;
  console.error(line);
  process.exit(1);
});
console.log(`营业厅服务台 web host: ${host.url}/`);
// Where a cold start goes (bench/webhost-cold-start.ts): imports, then services and listening.
const listeningMs = performance.now();
console.log(
  `web host: listening ${listeningMs.toFixed(0)} ms after process start (imports ${modulesLoadedMs.toFixed(0)} ms, ` +
    `config ${(servicesStartMs - modulesLoadedMs).toFixed(0)} ms, services and listen ${(listeningMs - servicesStartMs).toFixed(0)} ms; ` +
    `CPU ${modulesCpuMs} ms by the end of the imports, ${cpuMs()} ms in all)`,
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
