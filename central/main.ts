import './require-node';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentral, type CentralHandle } from './server';
import { describeDb, isPostgresUrl } from './store/open';
import { isConnectionTrouble } from './store/postgres-store';
import { centralTrustFromEnv } from './trust';
import {
  CENTRAL_MODES,
  HubConfigError,
  certFingerprint,
  loadHubTls,
  servesCentral,
  servesHub,
  type HubTls,
} from './hub-tls';
import { listenProblem } from '../shared/runtime/startup';
import { createHallLogger } from '../electron/main/services/logging';

/**
 * The reference central system and the hall hub (built: `npm run central -- --port 8787`):
 *   node out/central/main.js --port 8787 --db .data/central.db [--demo] [--faults spec]
 *   [--db postgres://user@host:5432/central --key-file /etc/hall/hub-keys.json --pool 10]
 *   [--mode all|hub|central] [--host 192.168.1.10 --tls-cert hub.crt --tls-key hub.key]
 *   [--central-url https://central (hub: stations enrol with their central codes; the hub's own
 *   code in HUB_ENROLMENT_CODE)]
 * `--mode hub` serves only the queue (the hall hub, its own --db); `central` only the sync
 * protocol; `all` (default, `npm start`) both in one process. A hub on a LAN address needs the
 * certificate and key (scripts/make-hub-cert.sh); stations pin the fingerprint it prints.
 * Devices enrol with one-time codes (POST /admin/enrolments); CENTRAL_ADMIN_TOKEN guards /admin/*
 * and is required outside demo mode. --demo also accepts the development registration secret
 * (and makes up an admin token when none is set); --demo-interval 0 keeps demo mode's trust
 * without advancing applications; --demo-slots HALL01 publishes a week of appointment slots
 * for that hall on days that have none (npm start). `--db` takes a SQLite file (the default) or a PostgreSQL URL
 * (CENTRAL_DB overrides it, so the password need not be on the command line; see
 * docs/central-postgres.md). SIGTERM or SIGINT stops it gracefully:
 * /readyz turns 503, requests in flight finish (up to --grace-ms), then it exits.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.data/central.db' },
    demo: { type: 'boolean', default: false },
    'demo-interval': { type: 'string', default: '5000' },
    'demo-slots': { type: 'string' },
    faults: { type: 'string' },
    'grace-ms': { type: 'string', default: '10000' },
    mode: { type: 'string', default: 'all' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'central-url': { type: 'string' },
    'key-file': { type: 'string' },
    pool: { type: 'string' },
  },
});
const dbFile = process.env.CENTRAL_DB || values.db;

const mode = CENTRAL_MODES.find((m) => m === values.mode);
if (!mode) {
  console.error(`--mode must be one of ${CENTRAL_MODES.join(', ')}`);
  process.exit(2);
}
if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) {
  console.error('--tls-cert and --tls-key go together / 证书和私钥须同时给出');
  process.exit(2);
}
let tls: HubTls | undefined;
try {
  if (values['tls-cert'] && values['tls-key']) {
    tls = loadHubTls(values['tls-cert'], values['tls-key']);
  }
} catch (err) {
  if (!(err instanceof HubConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}

// Masked, rotating log files beside the ledger (`logs/central.log`), or beside the key file
// with PostgreSQL; none for a throwaway ledger.
const logBeside = isPostgresUrl(dbFile)
  ? values['key-file']
  : dbFile === ':memory:'
    ? undefined
    : dbFile;
const logger = createHallLogger({
  ...(logBeside ? { dir: join(dirname(logBeside), 'logs') } : {}),
  baseName: 'central',
  echo: false,
});
const trust = centralTrustFromEnv(process.env, values.demo);
if (!trust.ok) {
  console.error(trust.problem);
  process.exit(1);
}
const advanceMs = Number(values['demo-interval']);
let central: CentralHandle;
try {
  central = await startCentral({
    dbFile,
    ...(values['key-file'] ? { keyFile: values['key-file'] } : {}),
    ...(values.pool ? { poolSize: Number(values.pool) } : {}),
    port: Number(values.port),
    host: values.host,
    mode,
    ...(tls ? { tls } : {}),
    // A hub vouches for its stations' central codes (HUB_ENROLMENT_CODE: the hub's own code).
    ...(values['central-url'] && mode === 'hub'
      ? {
          hubLink: {
            centralUrl: values['central-url'],
            enrolmentCode: process.env.HUB_ENROLMENT_CODE,
          },
        }
      : {}),
    ...trust.options,
    demo: values.demo && advanceMs > 0 ? { intervalMs: advanceMs } : false,
    ...(values['demo-slots'] ? { demoSlotsHall: values['demo-slots'] } : {}),
    ...(values.faults ? { faults: values.faults } : {}),
  });
} catch (err) {
  if (err instanceof HubConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  if (isPostgresUrl(dbFile) && isConnectionTrouble(err)) {
    console.error(
      `无法连接中心数据库 ${describeDb(dbFile)} / cannot reach the central database ${describeDb(dbFile)}`,
    );
    process.exit(1);
  }
  const line = listenProblem(err, values.port, '--port (npm start: CENTRAL_PORT)');
  if (!line) throw err;
  console.error(line);
  process.exit(1);
}
// One line per part served (tools wait for them; stations pin the fingerprint shown).
if (servesHub(mode)) {
  console.log(
    `hub listening on ${central.url}${tls ? ` (certificate SHA-256 ${certFingerprint(tls.cert)})` : ''}`,
  );
}
if (servesCentral(mode)) {
  console.log(
    `central listening on ${central.url} (mode ${mode}, db ${describeDb(dbFile)}${values.demo ? ', demo mode' : ''}${
      values.faults ? `, faults ${values.faults}` : ''
    }${values.demo ? ', development registration secret accepted' : ''})`,
  );
}
if (central.hubLink) {
  const enrolled = await central.hubLink.enrol();
  console.log(
    enrolled
      ? `hub enrolled at central ${values['central-url']} for hall ${await central.hubLink.hallCode()}; stations enrol with their central codes`
      : '叫号服务器尚未在中心系统登记（需 HUB_ENROLMENT_CODE）：暂时只接受本服务器签发的登记码 / hub not enrolled at central yet (HUB_ENROLMENT_CODE): only codes this hub issued are accepted until it is',
  );
}
// Demo mode without a configured token: say the made-up one, so a demo can use /admin/*.
if (values.demo && !process.env.CENTRAL_ADMIN_TOKEN)
  console.log(`admin token: ${central.adminToken}`);

logger.event('central.started', { url: central.url, demo: values.demo });

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`central: ${signal}, finishing requests in flight`);
  central.drain(Number(values['grace-ms'])).then(
    ({ finished, cut }) => {
      console.log(`central stopped (requests finished=${finished} cut=${cut})`);
      logger.event('central.stopped', { finished, cut });
      logger.close();
      process.exit(0);
    },
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
