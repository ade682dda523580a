import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from './server';
import { payloadHashOf } from './ledger';
import {
  DeviceCredentialsSchema,
  PushResponseSchema,
  type DeviceCredentials,
  type Op,
} from '../shared/sync/protocol';
import { AlertsPageSchema } from '../shared/sync/hall-record-payloads';
import { testLog } from '../tests/support/test-log';
import { centralOnEachStore } from '../tests/support/central-per-test';

/** On both stores: SQLite (the embedded default) and PostgreSQL. */
const hub = centralOnEachStore('hall records', 'central-records-');

const call = (path: string, body?: unknown, token?: string) =>
  fetch(`${hub.central.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token ?? hub.central.adminToken}`,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function register(hallCode: string): Promise<DeviceCredentials> {
  const res = await call('/v1/devices/register', {
    hallCode,
    stationCode: 'C01',
    installationId: uuidv7(),
    registrationSecret: DEV_REGISTRATION_SECRET,
  });
  return DeviceCredentialsSchema.parse(await res.json());
}

const op = (
  creds: DeviceCredentials,
  kind: Op['kind'],
  payload: { id: string } & Record<string, unknown>,
): Op => ({
  opId: uuidv7(),
  deviceId: creds.deviceId,
  kind,
  applicationId: payload.id,
  payload,
  payloadHash: payloadHashOf(payload),
});

async function push(creds: DeviceCredentials, ops: Op[]) {
  const res = await call('/v1/ops', { ops }, creds.token);
  return PushResponseSchema.parse(await res.json()).results;
}

const base = (hallCode: string) => ({
  id: uuidv7(),
  requestNo: 'R-1',
  hallCode,
  stationCode: 'C01',
  takenAt: '2026-12-01T09:00:00+08:00',
  takenBy: 'S001',
  catalogueVersion: '2026.2',
});

describe.each(hub.engines)('central on %s: the hall requests and alerts', (engine) => {
  hub.onEngine(engine);

  it('takes a fault report once with its arrival commitment; a resend is a duplicate', async () => {
    const creds = await register('H01');
    const fault = {
      ...base('H01'),
      accountNo: '1234567890',
      addressText: '',
      phone: '13800138000',
      faultKind: 'no_power_home',
      areaKind: 'rural',
      description: '',
      arrivalMinutes: 90,
      arriveBy: '2026-12-01T10:30:00+08:00',
    };
    const first = op(creds, 'request.fault', fault);
    const [r1] = await push(creds, [first]);
    expect(r1?.status).toBe('applied');
    expect(r1?.centralNo).toMatch(/^GZH01\d{8}0001$/);
    const [r2] = await push(creds, [first]);
    expect(r2?.status).toBe('duplicate');
    const listed = (await (await call('/admin/requests?hall=H01')).json()) as {
      requests: { kind: string; arrivalMinutes: number; arriveBy: string }[];
    };
    testLog(
      `central requests of H01: ${JSON.stringify(listed.requests.map((r) => [r.kind, r.arrivalMinutes, r.arriveBy]))}`,
    );
    expect(listed.requests).toHaveLength(1);
    expect(listed.requests[0]).toMatchObject({
      kind: 'fault',
      arrivalMinutes: 90,
      arriveBy: '2026-12-01T10:30:00+08:00',
    });
  });

  it('records a consent withdrawal after its subscription, refuses one for another hall', async () => {
    const h1 = await register('H01');
    const h2 = await register('H02');
    const sub = {
      ...base('H01'),
      mobile: '13800138000',
      accountNo: null,
      channels: ['sms'],
      topics: ['outage'],
      consent: { method: 'signed', textVersion: '2026.2', at: '2026-12-01T09:00:00+08:00' },
    };
    const withdraw = {
      id: sub.id,
      hallCode: 'H01',
      withdrawnAt: '2026-12-02T09:00:00+08:00',
      withdrawnBy: 'S001',
    };
    const results = await push(h1, [
      op(h1, 'request.subscribe', sub),
      op(h1, 'request.withdrawConsent', withdraw),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const foreign = await push(h2, [
      op(h2, 'request.withdrawConsent', { ...withdraw, hallCode: 'H02' }),
    ]);
    expect(foreign[0]?.reasonCode).toBe('HALL_MISMATCH');
    const listed = (await (await call('/admin/requests?hall=H01')).json()) as {
      requests: { withdrawnAt: string | null }[];
    };
    expect(listed.requests[0]?.withdrawnAt).toBe('2026-12-02T09:00:00+08:00');
  });

  it('gives a station its hall alerts and the area alerts that cover it, ends included', async () => {
    const h1 = await register('H01');
    const h2 = await register('H02');
    const alert = {
      id: uuidv7(),
      hallCode: 'H01',
      stationCode: 'C01',
      level: 'orange',
      reason: '高温负荷高',
      staffGuidance: '优先引导线上办理',
      customerNotice: '今日业务量大，请耐心等候',
      scripts: ['您好，今日等候时间较长'],
      startsAt: '2026-12-01T09:00:00+08:00',
      endsAt: '2099-12-01T18:00:00+08:00',
      raisedBy: 'S001',
    };
    expect((await push(h1, [op(h1, 'alert.raise', alert)]))[0]?.status).toBe('applied');
    const area = await call('/admin/alerts', {
      halls: ['H01', 'H02'],
      area: '鼓楼区',
      level: 'red',
      reason: '计划停电',
      customerNotice: '鼓楼区部分线路今日计划停电',
      endsAt: '2099-12-01T18:00:00+08:00',
    });
    expect(area.status).toBe(201);
    const { id: areaId } = (await area.json()) as { id: string };
    const pull = async (c: DeviceCredentials) =>
      AlertsPageSchema.parse(await (await call('/v1/alerts', undefined, c.token)).json()).alerts;
    expect((await pull(h1)).map((a) => [a.origin, a.level])).toEqual([
      ['hall', 'orange'],
      ['central', 'red'],
    ]);
    expect((await pull(h2)).map((a) => a.area)).toEqual(['鼓楼区']);

    const end = {
      id: alert.id,
      hallCode: 'H01',
      endedAt: '2026-12-01T12:00:00+08:00',
      endedBy: 'S001',
    };
    expect((await push(h1, [op(h1, 'alert.end', end)]))[0]?.status).toBe('applied');
    expect((await call(`/admin/alerts/${areaId}/end`, {})).status).toBe(200);
    const after = await pull(h1);
    expect(after.find((a) => a.id === alert.id)?.endedAt).toBe('2026-12-01T12:00:00.000+08:00');
    // A station cannot end central's area alert: its hall holds no alert of its own by that id.
    const foreignEnd = await push(h2, [
      op(h2, 'alert.end', { ...end, id: uuidv7(), hallCode: 'H02' }),
    ]);
    expect(foreignEnd[0]?.reasonCode).toBe('UNKNOWN_APPLICATION');
    expect((await call('/v1/alerts', undefined, 'not-a-token')).status).toBe(401);
  });
});
