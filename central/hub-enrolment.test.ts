import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from './server';

/**
 * A hall hub enrols its stations with the stations' own central codes: the hub enrols once at
 * central with a hub code of its hall, and central vouches for each station code it is shown.
 * Tried as an attacker would too: a code of another hall, a code shown twice, a station's token
 * asking to vouch, the hub's token used as a station's, central out of reach.
 */
const ADMIN = 'hub-enrolment-admin-token-0001';
const dir = mkdtempSync(join(tmpdir(), 'hall-hub-enrol-'));
let central: CentralHandle;
let hub: CentralHandle;

async function post(base: string, path: string, body: unknown, bearer?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const issue = async (hallCode: string, stationCode: string, role = 'staff') =>
  (await post(central.url, '/admin/enrolments', { hallCode, stationCode, role }, ADMIN)).body.code!;
const register = (base: string, enrolmentCode: string) =>
  post(base, '/v1/devices/register', { installationId: uuidv4(), enrolmentCode });

beforeAll(async () => {
  central = await startCentral({
    dbFile: join(dir, 'central.db'),
    mode: 'central',
    adminToken: ADMIN,
  });
  const hubCode = await issue('H001', 'HUB', 'hub');
  hub = await startCentral({
    dbFile: join(dir, 'hub.db'),
    mode: 'hub',
    hubLink: { centralUrl: central.url, enrolmentCode: hubCode },
  });
  expect(await hub.hubLink?.enrol()).toBe(true);
});
afterAll(async () => {
  await hub.close();
  await central.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hall hub enrolment, vouched for by central', () => {
  it('one central code enrols a station with its hall hub and with central, each once', async () => {
    expect(await hub.hubLink?.hallCode()).toBe('H001');
    const code = await issue('H001', 'C01');
    const atHub = await register(hub.url, code);
    expect(atHub.status).toBe(201);
    expect(atHub.body).toMatchObject({ hallCode: 'H001', stationCode: 'C01' });
    // The hub's device works on the hub's queue.
    const board = await post(hub.url, '/v1/queue/board', {}, atHub.body.token);
    expect(board.status).toBe(200);
    // Shown to the hub again (another installation): spent for hubs.
    const again = await register(hub.url, code);
    expect(again.status).toBe(401);
    expect(again.body.messageEn).toMatch(/already been used/);
    // Central's own use is separate: the same code enrols the station there, once.
    expect((await register(central.url, code)).status).toBe(201);
    expect((await register(central.url, code)).status).toBe(401);
  });

  it('refuses another hall’s code as unknown and makes no device', async () => {
    const other = await issue('H002', 'C09');
    const devices = () => hub.db.prepare('SELECT count(*) FROM devices').pluck().get() as number;
    const before = devices();
    const res = await register(hub.url, other);
    expect(res.status).toBe(401);
    expect(res.body.messageEn).toBe('The enrolment code is not valid');
    expect(devices()).toBe(before);
    // A hub code cannot enrol a station either.
    expect((await register(hub.url, await issue('H001', 'HUB2', 'hub'))).status).toBe(401);
  });

  it('keeps the hub’s credential for its own use only, sealed at rest', async () => {
    const station = await register(central.url, await issue('H001', 'C02'));
    expect(station.status).toBe(201);
    // A station's token cannot ask central to vouch.
    const asStation = await post(
      central.url,
      '/v1/hub/vouch',
      { enrolmentCode: await issue('H001', 'C03') },
      station.body.token,
    );
    expect(asStation.status).toBe(403);
    // The hub's refresh token is sealed with the hub's key; central knows the hub as role hub.
    const row = hub.db
      .prepare("SELECT value FROM hub_central_link WHERE key = 'refresh_token'")
      .pluck()
      .get() as string;
    expect(row.startsWith('e1.')).toBe(true);
    const hubDevice = hub.db
      .prepare("SELECT value FROM hub_central_link WHERE key = 'device_id'")
      .pluck()
      .get() as string;
    const hubDevices = central.db
      .prepare('SELECT count(*) FROM devices WHERE device_id = ? AND role = ?')
      .pluck()
      .get(hubDevice, 'hub');
    expect(hubDevices).toBe(1);
  });

  it('a hub token is refused on the station routes (no pushing applications as a hub)', async () => {
    const hubCode = await issue('H001', 'HUB3', 'hub');
    const enrolled = await register(central.url, hubCode);
    expect(enrolled.status).toBe(201);
    const push = await post(central.url, '/v1/ops', { ops: [] }, enrolled.body.token);
    expect(push.status).toBe(403);
  });

  it('says so in both languages when central cannot be reached (503), and enrols nothing', async () => {
    const offline = await startCentral({
      dbFile: join(dir, 'offline-hub.db'),
      mode: 'hub',
      hubLink: { centralUrl: 'http://127.0.0.1:9', enrolmentCode: 'AAAA-BBBB-CCCC-DDDD' },
    });
    try {
      const res = await register(offline.url, await issue('H001', 'C04'));
      expect(res.status).toBe(503);
      expect(res.body.message).toMatch(/中心系统/);
      expect(res.body.field).toBe('enrolmentCode');
    } finally {
      await offline.close();
    }
  });
});
