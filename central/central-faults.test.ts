import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from './server';
import { opFor, submitPayload } from './testing/fixtures';
import { centralOnEachStore } from '../tests/support/central-per-test';
import {
  DeviceCredentialsSchema,
  SyncErrorBodySchema,
  type DeviceCredentials,
} from '../shared/sync/protocol';

/** Central's fault mode (central/faults.ts) over real HTTP, on both stores. */
const hub = centralOnEachStore('central fault mode', 'central-faults-');

async function register(): Promise<DeviceCredentials> {
  const res = await fetch(`${hub.central.url}/v1/devices/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hallCode: 'H01',
      stationCode: 'S1',
      installationId: uuidv7(),
      registrationSecret: DEV_REGISTRATION_SECRET,
    }),
  });
  expect(res.status).toBe(201);
  return DeviceCredentialsSchema.parse(await res.json());
}

describe.each(hub.engines)('central on %s', (engine) => {
  hub.onEngine(engine);

  describe('fault mode', () => {
    const tryFetch = async (path: string, init: RequestInit = {}) => {
      try {
        const res = await fetch(`${hub.central.url}${path}`, init);
        return { status: res.status, headers: res.headers, body: await res.text() };
      } catch (err) {
        return { error: err as Error };
      }
    };

    it('drops, loses acks after committing, truncates and refuses', async () => {
      const creds = await register();
      const send = (op: unknown) =>
        tryFetch('/v1/ops', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
          body: JSON.stringify({ ops: [op] }),
        });

      hub.central.setFaults('drop=1');
      expect(await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })))).toHaveProperty(
        'error',
      );
      expect((await hub.central.readStats()).applications).toBe(0);

      hub.central.setFaults('lostack=1');
      expect(await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })))).toHaveProperty(
        'error',
      );
      expect((await hub.central.readStats()).applications).toBe(1);

      hub.central.setFaults('truncate=1');
      const truncated = await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })));
      expect('error' in truncated).toBe(true);
      expect((await hub.central.readStats()).applications).toBe(2);

      hub.central.setFaults('refuse=1,refuseMs=300');
      expect(await tryFetch('/v1/health')).toHaveProperty('error');
      hub.central.setFaults('');
      const refused = await tryFetch('/v1/health');
      expect((refused as { error: Error }).error).toBeDefined();
      await new Promise((r) => setTimeout(r, 400));
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 200 });
      expect((await hub.central.readStats()).faults).toMatchObject({
        drop: 1,
        lostack: 1,
        truncate: 1,
        refuse: 1,
      });
    });

    it('answers 500, 503 and 429 with typed bodies and Retry-After', async () => {
      hub.central.setFaults('503=1,retryAfter=2');
      const r503 = await tryFetch('/v1/health');
      expect(r503).toMatchObject({ status: 503 });
      expect((r503 as { headers: Headers }).headers.get('retry-after')).toBe('2');
      expect(SyncErrorBodySchema.parse(JSON.parse((r503 as { body: string }).body))).toMatchObject({
        code: 'UNAVAILABLE',
        retryAfterSeconds: 2,
      });
      hub.central.setFaults('429=1');
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 429 });
      hub.central.setFaults('500=1');
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 500 });
      hub.central.setFaults('slow=1,slowMs=150');
      const t0 = Date.now();
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 200 });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      // Admin endpoints never fault, so a test can always heal the server.
      hub.central.setFaults('drop=1');
      expect(
        await tryFetch('/admin/stats', {
          headers: { authorization: `Bearer ${hub.central.adminToken}` },
        }),
      ).toMatchObject({ status: 200 });
    });
  });
});
