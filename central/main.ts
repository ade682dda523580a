import './require-node';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentral, type CentralHandle } from './server';
import { centralTrustFromEnv } from './trust';
import { listenProblem } from '../shared/runtime/startup';
import { createHallLogger } from '../electron/main/services/logging';

/**
 * The reference central system on its own (built: `npm run central -- --port 8787`):
 *   node out/central/main.js --port 8787 --db .data/central.db [--demo] [--faults spec]
 * Devices enrol with one-time codes (POST /admin/enrolments); CENTRAL_ADMIN_TOKEN guards /admin/*
 * and is required outside demo mode. --demo also accepts the development registration secret
 * (and makes up an admin token when none is set); --demo-interval 0 keeps demo mode's trust
 * without advancing applications. SIGTERM or SIGINT stops it gracefully:
 * /readyz turns 503, requests in flight finish (up to --grace-ms), then it exits.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.data/central.db' },
    demo: { type: 'boolean', default: false },
    'demo-interval': { type: 'string', default: '5000' },
    faults: { type: 'string' },
    'grace-ms': { type: 'string', default: '10000' },
  },
});

// Masked, rotating log files beside the ledger (`logs/central.log`); none for a throwaway ledger.
const logger = createHallLogger({
  ...(values.db === ':memory:' ? {} : { dir: join(dirname(values.db), 'logs') }),
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
    dbFile: values.db,
    port: Number(values.port),
    host: values.host,
    ...trust.options,
    demo: values.demo && advanceMs > 0 ? { intervalMs: advanceMs } : false,
    ...(values.faults ? { faults: values.faults } : {}),
  });
} catch (err) {
  const line = listenProblem(err, values.port, '--port (npm start: CENTRAL_PORT)');
  if (!line) throw err;
  console.error(line);
  process.exit(1);
}
console.log(
  `central listening on ${central.url} (db ${values.db}${values.demo ? ', demo mode' : ''}${
    values.faults ? `, faults ${values.faults}` : ''
  }${values.demo ? ', development registration secret accepted' : ''})`,
);
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
