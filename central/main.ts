import './require-node';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_REGISTRATION_SECRET, startCentral, type CentralHandle } from './server';
import { listenProblem } from '../shared/runtime/startup';
import { createHallLogger } from '../electron/main/services/logging';

/**
 * The reference central system on its own (built: `npm run central -- --port 8787`):
 *   node out/central/main.js --port 8787 --db .data/central.db [--demo] [--faults spec]
 * The registration secret comes from CENTRAL_REGISTRATION_SECRET (a development default otherwise);
 * CENTRAL_ADMIN_TOKEN, when set, guards /admin/*. SIGTERM or SIGINT stops it gracefully:
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
const secret = process.env.CENTRAL_REGISTRATION_SECRET ?? DEV_REGISTRATION_SECRET;
let central: CentralHandle;
try {
  central = await startCentral({
    dbFile: values.db,
    port: Number(values.port),
    host: values.host,
    registrationSecret: secret,
    demo: values.demo ? { intervalMs: Number(values['demo-interval']) } : false,
    ...(values.faults ? { faults: values.faults } : {}),
    ...(process.env.CENTRAL_ADMIN_TOKEN ? { adminToken: process.env.CENTRAL_ADMIN_TOKEN } : {}),
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
  }${secret === DEV_REGISTRATION_SECRET ? ', development registration secret' : ''})`,
);

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
