import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { opFor, submitPayload } from './testing/fixtures';
import { ADMIN_TOKEN, trustCentral } from './testing/trust-fixture';
import { centralTrust, centralTrustFromEnv } from './trust';
import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';
import { PushResponseSchema, SyncErrorBodySchema } from '../shared/sync/protocol';

let t: ReturnType<typeof trustCentral>;
beforeEach(() => {
  t = trustCentral();
});
afterEach(() => t.close());

const refreshHashOf = (deviceId: string) =>
  t.core.db.prepare('SELECT refresh_hash FROM devices WHERE device_id = ?').pluck().get(deviceId);

describe('enrolment codes', () => {
  it('enrol once: hall and station come from the code, which is stored only as a hash', async () => {
    const code = await t.issueCode('HA', 'S1');
    const creds = await t.enrol(code);
    expect(creds).toMatchObject({ hallCode: 'HA', stationCode: 'S1' });
    const stored = t.core.db.prepare('SELECT * FROM enrolment_codes').all();
    expect(JSON.stringify(stored)).not.toContain(code);
    // A self-declared hall beside a code is ignored: the code decides.
    const other = await t.issueCode('HB', 'S2');
    const res = await t.call('POST', '/v1/devices/register', {
      hallCode: 'HA',
      stationCode: 'S1',
      installationId: uuidv7(),
      enrolmentCode: other,
    });
    expect(await res.json()).toMatchObject({ hallCode: 'HB', stationCode: 'S2' });
  });

  it('refuses a used, an expired and an unknown code with a field error in both languages', async () => {
    const used = await t.issueCode('HA', 'S1');
    await t.enrol(used);
    const expired = await t.issueCode('HA', 'S2', 5);
    t.clock.ms += 6 * 60_000;
    for (const [code, en] of [
      [used, 'already been used'],
      [expired, 'expired'],
      ['ABCD-EFGH-JKLM-NPQR', 'not valid'],
    ] as const) {
      const res = await t.call('POST', '/v1/devices/register', {
        installationId: uuidv7(),
        enrolmentCode: code,
      });
      expect(res.status, en).toBe(401);
      const body = SyncErrorBodySchema.parse(await res.json());
      expect(body.messageEn).toContain(en);
      expect(body.message).toMatch(/登记码/);
      expect(body.field).toBe('enrolmentCode');
    }
  });

  it('refuses registering again without a fresh code and leaves the device untouched', async () => {
    const installationId = uuidv7();
    const creds = await t.enrol(await t.issueCode('HA', 'S1'), installationId);
    const before = refreshHashOf(creds.deviceId);
    // A codes-only central refuses any shared secret, the development one included.
    const again = await t.call('POST', '/v1/devices/register', {
      hallCode: 'HA',
      stationCode: 'S1',
      installationId,
      registrationSecret: DEV_REGISTRATION_SECRET,
    });
    expect(again.status).toBe(401);
    expect(refreshHashOf(creds.deviceId)).toBe(before);
    // A fresh code for the same station and installation: same device, new credentials.
    const fresh = await t.enrol(await t.issueCode('HA', 'S1'), installationId);
    expect(fresh.deviceId).toBe(creds.deviceId);
    expect(refreshHashOf(creds.deviceId)).not.toBe(before);
  });
});

describe('admin token', () => {
  it('every admin route answers 401 without the token, with a wrong one or a device token', async () => {
    const device = await t.enrol(await t.issueCode('HA', 'S1'));
    const adminRoutes = t.core.app.routes.filter(
      (r) => r.path.startsWith('/admin/') && r.method !== 'ALL',
    );
    expect(adminRoutes.length).toBeGreaterThan(5);
    for (const route of adminRoutes) {
      const path = route.path.replace(':deviceId', device.deviceId);
      for (const token of [undefined, `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1), device.token]) {
        const res = await t.call(
          route.method,
          path,
          route.method === 'GET' ? undefined : {},
          token,
        );
        expect(res.status, `${route.method} ${path}`).toBe(401);
      }
    }
  });

  it('central refuses to start with the development secret or without an admin token outside demo mode', () => {
    expect(() => centralTrust({ registrationSecret: DEV_REGISTRATION_SECRET })).toThrow(
      /demo mode/,
    );
    expect(() => centralTrust({ adminToken: 'short' })).toThrow(/16/);
    expect(centralTrustFromEnv({}, false)).toMatchObject({ ok: false });
    expect(
      centralTrustFromEnv(
        { CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN, CENTRAL_REGISTRATION_SECRET: DEV_REGISTRATION_SECRET },
        false,
      ),
    ).toMatchObject({ ok: false });
    expect(centralTrustFromEnv({ CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN }, false)).toMatchObject({
      ok: true,
      options: { adminToken: ADMIN_TOKEN, allowDevelopmentSecret: false },
    });
    // Demo mode (npm start): the development secret and a made-up admin token.
    const demo = centralTrustFromEnv({}, true);
    expect(demo).toMatchObject({ ok: true, options: { allowDevelopmentSecret: true } });
    expect(centralTrust(demo.ok ? demo.options : {}).registrationSecret).toBe(
      DEV_REGISTRATION_SECRET,
    );
  });
});

describe('audit-trail tail', () => {
  const tail = (lastId: number, ch: string) => ({ lastId, hash: ch.repeat(64) });

  it('keeps a tail that moves forward; refuses one that goes back or rewrites a known id', async () => {
    const device = await t.enrol(await t.issueCode('HA', 'S1'));
    const push = async (auditTail: { lastId: number; hash: string }) => {
      const op = opFor(device.deviceId, submitPayload({ hallCode: 'HA' }));
      const res = await t.call('POST', '/v1/ops', { ops: [op], auditTail }, device.token);
      expect(res.status).toBe(200);
      return PushResponseSchema.parse(await res.json());
    };
    expect((await push(tail(5, 'a'))).auditTail).toBe('accepted');
    expect((await push(tail(5, 'a'))).auditTail).toBe('accepted');
    expect((await push(tail(9, 'b'))).auditTail).toBe('accepted');
    // Rows 8 and 9 cut off the end: the tail goes back.
    const back = await push(tail(7, 'c'));
    expect(back.auditTail).toBe('refused');
    // The operations still stand: a customer's application is not lost over an audit alert.
    expect(back.results[0]?.status).toBe('applied');
    // Row 9 rewritten: same id, another hash.
    expect((await push(tail(9, 'd'))).auditTail).toBe('refused');
    // What central keeps is still the last good tail.
    expect(t.core.db.prepare('SELECT last_id, last_hash FROM audit_tails').get()).toEqual({
      last_id: 9,
      last_hash: 'b'.repeat(64),
    });

    const stats = (await (await t.admin('GET', '/admin/stats')).json()) as {
      auditTailRefusals: number;
    };
    expect(stats.auditTailRefusals).toBe(2);
    const alerts = (await (await t.admin('GET', '/admin/audit-alerts')).json()) as {
      alerts: { deviceId: string; reason: string; knownId: number; reportedId: number }[];
    };
    expect(alerts.alerts.map((a) => [a.reason, a.knownId, a.reportedId])).toEqual([
      ['rewritten', 9, 9],
      ['backwards', 9, 7],
    ]);
    expect(alerts.alerts.every((a) => a.deviceId === device.deviceId)).toBe(true);
  });
});
