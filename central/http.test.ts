import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ERROR_TABLE } from './errors';
import { DEV_REGISTRATION_SECRET, startCentral, type CentralHandle } from './server';
import { opFor, submitPayload } from './testing/fixtures';
import { DeviceCredentialsSchema, SyncErrorBodySchema } from '../shared/sync/protocol';
import { QueueErrorBodySchema } from '../shared/queue/protocol';

/** Central's HTTP edge: which bodies it reads, and that every error follows the error table. */

let dir: string;
let central: CentralHandle;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'central-http-'));
  central = await startCentral({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
  });
});
afterEach(async () => {
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

const registration = () =>
  JSON.stringify({
    hallCode: 'H01',
    stationCode: 'S1',
    installationId: uuidv7(),
    registrationSecret: DEV_REGISTRATION_SECRET,
  });

const send = (path: string, init: RequestInit) => fetch(`${central.url}${path}`, init);

async function register(): Promise<{ deviceId: string; token: string }> {
  const res = await send('/v1/devices/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: registration(),
  });
  return DeviceCredentialsSchema.parse(await res.json());
}

/** Status and body code of an answer, checked against the error table's row for the status. */
async function errorOf(res: Response): Promise<{ status: number; code: string }> {
  const body = QueueErrorBodySchema.parse(await res.json());
  const rows = Object.values(ERROR_TABLE).filter((r) => r.status === res.status);
  expect(
    rows.map((r) => r.code),
    `status ${res.status} is in the table`,
  ).toContain(body.code);
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.messageEn.length).toBeGreaterThan(0);
  return { status: res.status, code: body.code };
}

describe('central media types', () => {
  it('reads application/json in any case and with parameters', async () => {
    for (const type of [
      'application/json',
      'APPLICATION/JSON',
      'Application/Json; charset=UTF-8',
    ]) {
      const res = await send('/v1/devices/register', {
        method: 'POST',
        headers: { 'content-type': type },
        body: registration(),
      });
      expect(res.status, type).toBe(201);
    }
  });

  it('refuses any other body with 415 before reading it, on every endpoint that takes one', async () => {
    const { token, deviceId } = await register();
    const op = opFor(deviceId, submitPayload({ hallCode: 'H01' }));
    const attempts: [string, RequestInit][] = [
      ['/v1/devices/register', { method: 'POST', body: registration() }],
      ['/v1/ops', { method: 'POST', body: JSON.stringify({ ops: [op] }) }],
      [`/v1/ops/${op.opId}`, { method: 'PUT', body: JSON.stringify(op) }],
      ['/v1/queue/config', { method: 'POST', body: '{}' }],
      ['/admin/faults', { method: 'POST', body: JSON.stringify({ spec: '' }) }],
    ];
    for (const type of ['application/jsonx', 'text/plain', 'application/ld+json', 'json']) {
      for (const [path, init] of attempts) {
        const res = await send(path, {
          ...init,
          headers: { 'content-type': type, authorization: `Bearer ${token}` },
        });
        expect(await errorOf(res), `${type} ${path}`).toEqual({ status: 415, code: 'BAD_REQUEST' });
      }
    }
    // Nothing was applied behind a refusal.
    expect(central.stats().applications).toBe(0);
  });

  it('refuses a body without a Content-Type, and takes a bodiless admin call without one', async () => {
    // A byte body: fetch adds no Content-Type of its own (a string would get text/plain).
    const bytes = new TextEncoder().encode(registration());
    const res = await send('/v1/devices/register', { method: 'POST', body: bytes });
    expect(await errorOf(res)).toEqual({ status: 415, code: 'BAD_REQUEST' });
    const { deviceId } = await register();
    const revoke = await send(`/admin/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${central.adminToken}` },
    });
    expect(revoke.status).toBe(200);
  });
});

describe('central error table', () => {
  it('answers each kind of bad request with the status and code of its row', async () => {
    const { token } = await register();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cases: [string, Promise<Response>, keyof typeof ERROR_TABLE][] = [
      [
        'malformed JSON',
        send('/v1/ops', { method: 'POST', headers: auth, body: '{' }),
        'malformed',
      ],
      [
        'schema failure',
        send('/v1/ops', { method: 'POST', headers: auth, body: '{"ops":"x"}' }),
        'malformed',
      ],
      ['no token', send('/v1/changes', {}), 'unauthenticated'],
      ['unknown endpoint', send('/v1/nope', { headers: auth }), 'notFound'],
      [
        'unknown queue op',
        send('/v1/queue/nope', { method: 'POST', headers: auth, body: '{}' }),
        'notFound',
      ],
      ['GET on a POST endpoint', send('/v1/ops', { headers: auth }), 'notFound'],
      ['DELETE on a POST endpoint', send('/v1/devices/register', { method: 'DELETE' }), 'notFound'],
      [
        'PATCH on a GET endpoint',
        send('/v1/changes', { method: 'PATCH', headers: auth }),
        'notFound',
      ],
      [
        'unknown queue service',
        send('/v1/queue/issue', {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            id: uuidv7(),
            serviceCode: 'NO_SUCH',
            priority: 'normal',
            channel: 'guide',
          }),
        }),
        'unprocessable',
      ],
      [
        'unknown application to advance',
        send('/admin/advance', {
          method: 'POST',
          headers: { ...auth, authorization: `Bearer ${central.adminToken}` },
          body: JSON.stringify({ centralNo: 'H01-20260101-000001' }),
        }),
        'notFound',
      ],
      [
        'too large',
        send('/v1/ops', {
          method: 'POST',
          headers: auth,
          body: `"${'x'.repeat(9 * 1024 * 1024)}"`,
        }),
        'tooLarge',
      ],
    ];
    const seen: string[] = [];
    for (const [what, answer, kind] of cases) {
      const row = ERROR_TABLE[kind];
      expect(await errorOf(await answer), what).toEqual({ status: row.status, code: row.code });
      seen.push(`${what}: ${row.status}`);
    }
    console.log(`central error table: ${seen.length} bad requests answered by their row`);
  });

  it('answers fault-mode errors with the table rows too', async () => {
    for (const [spec, kind] of [
      ['500=1', 'internal'],
      ['503=1', 'unavailable'],
      ['429=1', 'rateLimited'],
    ] as const) {
      central.setFaults(spec);
      const res = await send('/v1/health', {});
      const body = SyncErrorBodySchema.parse(await res.json());
      expect({ status: res.status, code: body.code }).toEqual({
        status: ERROR_TABLE[kind].status,
        code: ERROR_TABLE[kind].code,
      });
    }
  });
});
