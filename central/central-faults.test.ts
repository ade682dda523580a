import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET, startCentral, type CentralHandle } from './server';
import { opFor, submitPayload } from './testing/fixtures';
import { postgresMissing, startPostgres, type PostgresServer } from '../tests/support/postgres';
import {
  DeviceCredentialsSchema,
  SyncErrorBodySchema,
  type DeviceCredentials,
} from '../shared/sync/protocol';

/** Central's fault mode (central/faults.ts) over real HTTP, on both stores. */
const pgMissing = postgresMissing();
if (pgMissing) console.log(`central fault mode on PostgreSQL skipped: ${pgMissing}`);
const ENGINES = pgMissing ? (['sqlite'] as const) : (['sqlite', 'postgres'] as const);

let dir: string;
let central: CentralHandle;
let server: PostgresServer | undefined;

beforeAll(async () => {
  if (!pgMissing) server = await startPostgres({ settings: { fsync: 'off' } });
});
afterAll(() => server?.stop());

async function register(): Promise<DeviceCredentials> {
  const res = await fetch(`${central.url}/v1/devices/register`, {
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

describe.each(ENGINES)('central on %s', (engine) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-faults-'));
    central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile:
        engine === 'postgres' && server ? await server.freshDatabase() : join(dir, 'central.db'),
      keyFile: join(dir, 'hub-keys.json'),
    });
  });
  afterEach(async () => {
    await central.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('fault mode', () => {
    const tryFetch = async (path: string, init: RequestInit = {}) => {
      try {
        const res = await fetch(`${central.url}${path}`, init);
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

      central.setFaults('drop=1');
      expect(await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })))).toHaveProperty(
        'error',
      );
      expect((await central.readStats()).applications).toBe(0);

      central.setFaults('lostack=1');
      expect(await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })))).toHaveProperty(
        'error',
      );
      expect((await central.readStats()).applications).toBe(1);

      central.setFaults('truncate=1');
      const truncated = await send(opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })));
      expect('error' in truncated).toBe(true);
      expect((await central.readStats()).applications).toBe(2);

      central.setFaults('refuse=1,refuseMs=300');
      expect(await tryFetch('/v1/health')).toHaveProperty('error');
      central.setFaults('');
      const refused = await tryFetch('/v1/health');
      expect((refused as { error: Error }).error).toBeDefined();
      await new Promise((r) => setTimeout(r, 400));
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 200 });
      expect((await central.readStats()).faults).toMatchObject({
        drop: 1,
        lostack: 1,
        truncate: 1,
        refuse: 1,
      });
    });

    it('answers 500, 503 and 429 with typed bodies and Retry-After', async () => {
      central.setFaults('503=1,retryAfter=2');
      const r503 = await tryFetch('/v1/health');
      expect(r503).toMatchObject({ status: 503 });
      expect((r503 as { headers: Headers }).headers.get('retry-after')).toBe('2');
      expect(SyncErrorBodySchema.parse(JSON.parse((r503 as { body: string }).body))).toMatchObject({
        code: 'UNAVAILABLE',
        retryAfterSeconds: 2,
      });
      central.setFaults('429=1');
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 429 });
      central.setFaults('500=1');
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 500 });
      central.setFaults('slow=1,slowMs=150');
      const t0 = Date.now();
      expect(await tryFetch('/v1/health')).toMatchObject({ status: 200 });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      // Admin endpoints never fault, so a test can always heal the server.
      central.setFaults('drop=1');
      expect(
        await tryFetch('/admin/stats', {
          headers: { authorization: `Bearer ${central.adminToken}` },
        }),
      ).toMatchObject({ status: 200 });
    });
  });
});
