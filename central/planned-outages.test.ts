import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from './server';
import { DeviceCredentialsSchema, type DeviceCredentials } from '../shared/sync/protocol';
import { OutagesPageSchema } from '../shared/sync/outage-payloads';
import { testLog } from '../tests/support/test-log';
import { centralOnEachStore } from '../tests/support/central-per-test';

/** On both stores: SQLite (the embedded default) and PostgreSQL. */
const hub = centralOnEachStore('planned outages', 'central-outages-');

const call = (path: string, body?: unknown, token?: string, method?: string) =>
  fetch(`${hub.central.url}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
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

const pull = async (c: DeviceCredentials) =>
  OutagesPageSchema.parse(await (await call('/v1/outages', undefined, c.token)).json()).outages;

const outage = (area: string, affected: string) => ({
  area,
  startsAt: '2099-12-01T08:00:00+08:00',
  endsAt: '2099-12-01T18:00:00+08:00',
  affected,
  customerNotice: `${affected}计划停电`,
});

describe.each(hub.engines)('central on %s: planned outages by area', (engine) => {
  hub.onEngine(engine);

  it("gives a station its hall's area outages only (by district code or name)", async () => {
    const gulou = await register('H01');
    const taijiang = await register('H02');
    const nowhere = await register('H03');
    const area = (hall: string, districtCode: string, districtName: string) =>
      call(`/admin/halls/${hall}/area`, { districtCode, districtName }, undefined, 'PUT');
    expect((await area('H01', '350102', '鼓楼区')).status).toBe(200);
    expect((await area('H02', '350103', '台江区')).status).toBe(200);
    for (const o of [
      outage('350102', '鼓楼区东街10kV线路'),
      outage('台江区', '台江区江滨线路'),
      {
        ...outage('鼓楼区', '鼓楼区已结束线路'),
        startsAt: '2020-01-01T08:00:00+08:00',
        endsAt: '2020-01-01T18:00:00+08:00',
      },
    ]) {
      expect((await call('/admin/outages', o)).status).toBe(201);
    }
    const h1 = await pull(gulou);
    const h2 = await pull(taijiang);
    const h3 = await pull(nowhere);
    testLog(
      `outages pulled: H01(鼓楼区) ${JSON.stringify(h1.map((o) => o.affected))}, H02(台江区) ${JSON.stringify(h2.map((o) => o.affected))}, H03(no area) ${h3.length}`,
    );
    expect(h1.map((o) => [o.area, o.affected])).toEqual([['350102', '鼓楼区东街10kV线路']]);
    expect(h1[0]?.startsAt).toBe('2099-12-01T08:00:00.000+08:00');
    // The attack: a device of another hall (another area, or none known) never receives it.
    expect(h2.map((o) => o.affected)).toEqual(['台江区江滨线路']);
    expect(h3).toEqual([]);
    // A hall that moves district follows its new area.
    expect((await area('H01', '350103', '台江区')).status).toBe(200);
    expect((await pull(gulou)).map((o) => o.affected)).toEqual(['台江区江滨线路']);
  });

  it('refuses a bad outage or area and callers without the right token', async () => {
    const device = await register('H01');
    const bad = await call('/admin/outages', {
      ...outage('鼓楼区', '线路'),
      endsAt: '2099-12-01T07:00:00+08:00',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field?: string }).field).toBe('endsAt');
    const badArea = await call(
      '/admin/halls/H01/area',
      { districtCode: '3501', districtName: '鼓楼区' },
      undefined,
      'PUT',
    );
    expect(((await badArea.json()) as { field?: string }).field).toBe('districtCode');
    // A station's token cannot publish; no token cannot pull.
    expect((await call('/admin/outages', outage('鼓楼区', '线路'), device.token)).status).toBe(401);
    expect((await call('/v1/outages', undefined, 'not-a-token')).status).toBe(401);
  });
});
