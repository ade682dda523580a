import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_REGISTRATION_SECRET, startCentral } from './server';
import { createHallLogger } from '../electron/main/services/logging';

/**
 * The reference central system on its own:
 *   npx tsx central/main.ts --port 8787 --db .data/central.db [--demo] [--faults spec]
 * The registration secret comes from CENTRAL_REGISTRATION_SECRET (a development default otherwise);
 * CENTRAL_ADMIN_TOKEN, when set, guards /admin/*.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: '.data/central.db' },
    demo: { type: 'boolean', default: false },
    'demo-interval': { type: 'string', default: '5000' },
    faults: { type: 'string' },
  },
});

// Masked, rotating log files beside the ledger (`logs/central.log`); none for a throwaway ledger.
const logger = createHallLogger({
  ...(values.db === ':memory:' ? {} : { dir: join(dirname(values.db), 'logs') }),
  baseName: 'central',
  echo: false,
});
const secret = process.env.CENTRAL_REGISTRATION_SECRET ?? DEV_REGISTRATION_SECRET;
const central = await startCentral({
  dbFile: values.db,
  port: Number(values.port),
  host: values.host,
  registrationSecret: secret,
  demo: values.demo ? { intervalMs: Number(values['demo-interval']) } : false,
  ...(values.faults ? { faults: values.faults } : {}),
  ...(process.env.CENTRAL_ADMIN_TOKEN ? { adminToken: process.env.CENTRAL_ADMIN_TOKEN } : {}),
});
console.log(
  `central listening on ${central.url} (db ${values.db}${values.demo ? ', demo mode' : ''}${
    values.faults ? `, faults ${values.faults}` : ''
  }${secret === DEV_REGISTRATION_SECRET ? ', development registration secret' : ''})`,
);

logger.event('central.started', { url: central.url, demo: values.demo });

const stop = () => {
  central.close().then(
    () => {
      logger.event('central.stopped');
      logger.close();
      process.exit(0);
    },
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
