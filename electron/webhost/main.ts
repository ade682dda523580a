import './require-node';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listenWebHost } from './listen';
import { listenProblem, startupRefusal } from '../../shared/runtime/startup';

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
//
// The host listens and serves the page first, with only the HTTP side imported; the services
// (zod's contract, SQLite, the rest: about half the host's start-up CPU) load in open-host.ts
// while the browser fetches and runs the page, and API calls wait for them.
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

const listening = await listenWebHost({
  port: Number(values.port),
  rendererDir: resolve(values.renderer),
}).catch((err: unknown) => {
  const line = listenProblem(err, values.port, '--port (npm start: PORT)');
  if (!line) throw err;
  console.error(line);
  process.exit(1);
});
console.log(`营业厅服务台 web host: ${listening.url}/`);
const listeningMs = performance.now();
const listeningCpuMs = cpuMs();

// Loading the services blocks the host for a while: first the page's files go out.
await listening.pageFetched();
const { openWebHost } = await import('./open-host');
await openWebHost(values, listening).catch((err: unknown) => {
  // A start the services refuse on purpose (a missing key file, no enrolment code): one line.
  const line = startupRefusal(err);
  if (!line) throw err;
  console.error(line);
  process.exit(2);
});
// Where a cold start goes (bench/webhost-cold-start.ts): imports, listening, then the services.
console.log(
  `web host: listening ${listeningMs.toFixed(0)} ms after process start (imports ${modulesLoadedMs.toFixed(0)} ms, ` +
    `CPU ${modulesCpuMs} ms by the end of the imports, ${listeningCpuMs} ms by listening); services open ` +
    `${performance.now().toFixed(0)} ms after process start (CPU ${cpuMs()} ms in all)`,
);
