import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCentral } from '../../central/server';
import { DEV_REGISTRATION_SECRET } from '../../shared/sync/dev-secret';
import { createServices } from '../../electron/main/services/createServices';
import { EnrolmentConfigError } from '../../electron/main/services/central-client/enrolment-config';
import { testLog } from '../support/test-log';

/**
 * The development registration secret is public (it is in this repository): outside demo mode
 * neither side may accept it. Tried as an attacker would: a console configured with it and no
 * enrolment code, and a raw registration with it against a central system not in demo mode.
 */
const dir = mkdtempSync(join(tmpdir(), 'hall-dev-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the development secret outside demo mode', () => {
  it('a console with a central or hub address and only the development secret refuses to start', () => {
    for (const link of [{ centralUrl: 'http://127.0.0.1:9' }, { hubUrl: 'http://127.0.0.1:9' }]) {
      let error: unknown;
      try {
        createServices({
          dbFile: join(dir, `refused-${Object.keys(link)[0]}.db`),
          transport: 'http',
          log: testLog,
          registrationSecret: DEV_REGISTRATION_SECRET,
          startSync: false,
          ...link,
        });
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(link)).toBeInstanceOf(EnrolmentConfigError);
      // Said in both languages, naming what is missing.
      expect((error as Error).message).toMatch(/登记码.*enrolment code/s);
    }
  });

  it('demo mode (npm start) still starts with it', async () => {
    const services = createServices({
      dbFile: join(dir, 'demo.db'),
      transport: 'http',
      log: testLog,
      centralUrl: 'http://127.0.0.1:9',
      demo: true,
      startSync: false,
    });
    await services.close();
  });

  it('a central system not in demo mode refuses a registration with it (401, no device made)', async () => {
    const central = await startCentral({ dbFile: ':memory:' });
    try {
      const res = await fetch(`${central.url}/v1/devices/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          installationId: '0190f5b0-0000-7000-8000-00000000a77a',
          registrationSecret: DEV_REGISTRATION_SECRET,
          hallCode: 'H001',
          stationCode: 'C01',
        }),
      });
      expect(res.status).toBe(401);
      expect(central.db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(0);
    } finally {
      await central.close();
    }
  });
});
