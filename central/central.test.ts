import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET } from './server';
import { opFor, submitPayload } from './testing/fixtures';
import { payloadHashOf } from './ledger';
import { get } from './store/work';
import { centralOnEachStore } from '../tests/support/central-per-test';
import {
  ChangesPageSchema,
  DeviceCredentialsSchema,
  OpResultSchema,
  PushResponseSchema,
  SyncErrorBodySchema,
  type DeviceCredentials,
} from '../shared/sync/protocol';

/** The same suite on both stores: SQLite (the embedded default) and PostgreSQL. */
const hub = centralOnEachStore('central suite', 'central-');

const post = (path: string, body: unknown, token?: string, method = 'POST') =>
  fetch(`${hub.central.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      // /admin/* takes the admin token unless a test says otherwise.
      ...((token ?? (path.startsWith('/admin/') ? hub.central.adminToken : undefined))
        ? { authorization: `Bearer ${token ?? hub.central.adminToken}` }
        : {}),
    },
    body: JSON.stringify(body),
  });

async function register(hallCode = 'H01', installationId = uuidv7()): Promise<DeviceCredentials> {
  const res = await post('/v1/devices/register', {
    hallCode,
    stationCode: 'S1',
    installationId,
    registrationSecret: DEV_REGISTRATION_SECRET,
  });
  expect(res.status).toBe(201);
  return DeviceCredentialsSchema.parse(await res.json());
}

async function push(creds: DeviceCredentials, ops: unknown[]) {
  const res = await post('/v1/ops', { ops }, creds.token);
  expect(res.status).toBe(200);
  return PushResponseSchema.parse(await res.json()).results;
}

describe.each(hub.engines)('central on %s', (engine) => {
  hub.onEngine(engine);

  describe('registration and tokens', () => {
    it('refuses registering the same installation again without a fresh code; a code keeps the device id', async () => {
      const inst = uuidv7();
      const a = await register('H01', inst);
      const again = await post('/v1/devices/register', {
        hallCode: 'H01',
        stationCode: 'S1',
        installationId: inst,
        registrationSecret: DEV_REGISTRATION_SECRET,
      });
      expect(again.status).toBe(409);
      // The first credentials still work: the refused attempt changed nothing.
      const refreshed = await post('/v1/devices/token', {
        deviceId: a.deviceId,
        refreshToken: a.refreshToken,
      });
      expect(refreshed.status).toBe(200);
      const issued = await post('/admin/enrolments', { hallCode: 'H01', stationCode: 'S1' });
      const { code } = (await issued.json()) as { code: string };
      const b = await post('/v1/devices/register', { installationId: inst, enrolmentCode: code });
      expect(b.status).toBe(201);
      expect(DeviceCredentialsSchema.parse(await b.json()).deviceId).toBe(a.deviceId);
      const c = await register('H01');
      expect(c.deviceId).not.toBe(a.deviceId);
    });

    it('refuses a wrong registration secret with 401 and a typed body', async () => {
      const res = await post('/v1/devices/register', {
        hallCode: 'H01',
        stationCode: 'S1',
        installationId: uuidv7(),
        registrationSecret: 'not-the-secret',
      });
      expect(res.status).toBe(401);
      expect(SyncErrorBodySchema.parse(await res.json()).code).toBe('UNAUTHENTICATED');
    });

    it('answers an expired token with 401 TOKEN_EXPIRED, and a refreshed one works', async () => {
      const creds = await register();
      await post('/admin/tokens/expire', { deviceId: creds.deviceId });
      const expired = await fetch(`${hub.central.url}/v1/changes`, {
        headers: { authorization: `Bearer ${creds.token}` },
      });
      expect(expired.status).toBe(401);
      expect(SyncErrorBodySchema.parse(await expired.json()).code).toBe('TOKEN_EXPIRED');
      const refreshed = await post('/v1/devices/token', {
        deviceId: creds.deviceId,
        refreshToken: creds.refreshToken,
      });
      expect(refreshed.status).toBe(200);
      const { token } = (await refreshed.json()) as { token: string };
      const ok = await fetch(`${hub.central.url}/v1/changes`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      const wrong = await post('/v1/devices/token', {
        deviceId: creds.deviceId,
        refreshToken: 'x'.repeat(43),
      });
      expect(wrong.status).toBe(401);
    });

    it('answers a revoked device with 403 until it is restored', async () => {
      const creds = await register();
      await post(`/admin/devices/${creds.deviceId}/revoke`, {});
      const op = opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }));
      expect((await post('/v1/ops', { ops: [op] }, creds.token)).status).toBe(403);
      await post(`/admin/devices/${creds.deviceId}/restore`, {});
      expect((await post('/v1/ops', { ops: [op] }, creds.token)).status).toBe(200);
    });
  });

  describe('operations', () => {
    it('applies, numbers per hall and day, and answers a replay with the first answer', async () => {
      const creds = await register();
      const p1 = submitPayload({ hallCode: 'H01' });
      const p2 = submitPayload({ hallCode: 'H01' });
      const op1 = opFor(creds.deviceId, p1);
      const [r1, r2] = await push(creds, [op1, opFor(creds.deviceId, p2)]);
      expect(r1?.status).toBe('applied');
      expect(r1?.centralNo).toMatch(/^H01-\d{8}-000001$/);
      expect(r2?.centralNo).toMatch(/^H01-\d{8}-000002$/);
      const [again] = await push(creds, [op1]);
      expect(again).toMatchObject({
        opId: op1.opId,
        status: 'duplicate',
        centralNo: r1?.centralNo,
      });
      expect(await hub.central.readStats()).toMatchObject({
        applications: 2,
        dedupeHits: 1,
        duplicateApplications: 0,
      });
    });

    it('counts a batch’s numbers once and stores them: no gap after a refused or repeated op', async () => {
      const creds = await register();
      const first = opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }));
      const bad = opFor(creds.deviceId, submitPayload({ hallCode: 'H01', acceptedAt: 'soon' }));
      const batch = await push(creds, [
        first,
        bad,
        opFor(creds.deviceId, submitPayload({ hallCode: 'H01' })),
        first,
      ]);
      expect(batch.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'duplicate']);
      const [next] = await push(creds, [opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }))]);
      const numbers = [...batch, next].flatMap((r) =>
        r?.centralNo ? [r.centralNo.slice(-6)] : [],
      );
      expect(numbers).toEqual(['000001', '000002', '000001', '000003']);
    });

    it('refuses a reused op id with another payload: 422 alone, rejected in a batch', async () => {
      const creds = await register();
      const op = opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }));
      await push(creds, [op]);
      const other = opFor(
        creds.deviceId,
        submitPayload({ hallCode: 'H01' }),
        'application.submit',
        op.opId,
      );
      const single = await post(`/v1/ops/${op.opId}`, other, creds.token, 'PUT');
      expect(single.status).toBe(422);
      expect(OpResultSchema.parse(await single.json())).toMatchObject({
        status: 'rejected',
        reasonCode: 'OP_ID_REUSED',
      });
      const [inBatch] = await push(creds, [other]);
      expect(inBatch?.reasonCode).toBe('OP_ID_REUSED');
      // The first answer stands.
      const [replay] = await push(creds, [op]);
      expect(replay?.status).toBe('duplicate');
      expect((await hub.central.readStats()).applications).toBe(1);
    });

    it('rejects a bad payload naming the field, never its value, while the rest go on', async () => {
      const creds = await register();
      const bad = submitPayload({ hallCode: 'H01', acceptedAt: 'yesterday 13800000000' });
      const good = submitPayload({ hallCode: 'H01' });
      const [r1, r2] = await push(creds, [opFor(creds.deviceId, bad), opFor(creds.deviceId, good)]);
      expect(r1).toMatchObject({
        status: 'rejected',
        reasonCode: 'INVALID_PAYLOAD',
        field: 'acceptedAt',
      });
      expect(JSON.stringify(r1)).not.toContain('13800000000');
      expect(r2?.status).toBe('applied');
    });

    it('rejects a wrong hash, another device id, another hall and a malformed op', async () => {
      const creds = await register();
      const p = submitPayload({ hallCode: 'H01' });
      const wrongHash = { ...opFor(creds.deviceId, p), payloadHash: payloadHashOf({ x: 1 }) };
      const otherDevice = opFor(uuidv7(), submitPayload({ hallCode: 'H01' }));
      const otherHall = opFor(creds.deviceId, submitPayload({ hallCode: 'H99' }));
      const results = await push(creds, [wrongHash, otherDevice, otherHall, { opId: 'nope' }]);
      expect(results.map((r) => r.reasonCode)).toEqual([
        'HASH_MISMATCH',
        'DEVICE_MISMATCH',
        'HALL_MISMATCH',
        'INVALID_OP',
      ]);
      expect((await hub.central.readStats()).applications).toBe(0);
    });

    it('rejects an operation whose payload is not a JSON object, naming the field', async () => {
      const creds = await register();
      const op = opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }));
      const results = await push(
        creds,
        [['a'], 'text', null].map((payload) => ({ ...op, opId: uuidv7(), payload })),
      );
      expect(results.map((r) => [r.status, r.reasonCode, r.field])).toEqual([
        ['rejected', 'INVALID_OP', 'payload'],
        ['rejected', 'INVALID_OP', 'payload'],
        ['rejected', 'INVALID_OP', 'payload'],
      ]);
    });

    it('answers a batch it cannot read with 400', async () => {
      const creds = await register();
      const res = await post('/v1/ops', { ops: [] }, creds.token);
      expect(res.status).toBe(400);
      expect(SyncErrorBodySchema.parse(await res.json()).code).toBe('BAD_REQUEST');
    });

    it('puts a resubmission with other content and a stale replace into conflict (409 alone)', async () => {
      const creds = await register();
      const p = submitPayload({ hallCode: 'H01' });
      await push(creds, [opFor(creds.deviceId, p)]);
      const changed = { ...p, clerk: 'clerk02' };
      const [c1] = await push(creds, [opFor(creds.deviceId, changed)]);
      expect(c1).toMatchObject({ status: 'conflict', reasonCode: 'APPLICATION_EXISTS' });
      expect(c1?.central?.payloadHash).toBe(payloadHashOf(p));

      const base = payloadHashOf(p);
      const replace = { ...p, clerk: 'clerk03', baseHash: base };
      const [ok] = await push(creds, [opFor(creds.deviceId, replace, 'application.replace')]);
      expect(ok).toMatchObject({ status: 'applied', centralVersion: 2 });
      const stale = { ...p, clerk: 'clerk04', baseHash: base };
      const single = await post(
        `/v1/ops/x`,
        opFor(creds.deviceId, stale, 'application.replace'),
        creds.token,
        'PUT',
      );
      expect(single.status).toBe(400); // the path id must match the body's
      const staleOp = opFor(creds.deviceId, stale, 'application.replace');
      const res = await post(`/v1/ops/${staleOp.opId}`, staleOp, creds.token, 'PUT');
      expect(res.status).toBe(409);
      expect(OpResultSchema.parse(await res.json()).reasonCode).toBe('BASE_MISMATCH');
    });

    it('answers later operations of one batch from the rows its earlier ones wrote', async () => {
      const creds = await register();
      const p = submitPayload({ hallCode: 'H01' });
      const base = payloadHashOf(p);
      const replace = { ...p, clerk: 'clerk03', baseHash: base };
      const stale = { ...p, clerk: 'clerk04', baseHash: base };
      const again = { ...replace, clerk: 'clerk05', baseHash: payloadHashOf(replace) };
      const results = await push(creds, [
        opFor(creds.deviceId, p),
        opFor(creds.deviceId, { ...p, clerk: 'clerk02' }),
        opFor(creds.deviceId, replace, 'application.replace'),
        opFor(creds.deviceId, stale, 'application.replace'),
        opFor(creds.deviceId, again, 'application.replace'),
      ]);
      expect(results.map((r) => [r.status, r.reasonCode ?? r.centralVersion])).toEqual([
        ['applied', 1],
        ['conflict', 'APPLICATION_EXISTS'],
        ['applied', 2],
        ['conflict', 'BASE_MISMATCH'],
        ['applied', 3],
      ]);
      // The conflict carries the row as the batch had left it, not as it was before the batch.
      expect(results[3]?.central).toMatchObject({
        version: 2,
        payloadHash: payloadHashOf(replace),
        payload: { clerk: 'clerk03' },
      });
    });

    it('records an op that arrives after a newer op of the same application', async () => {
      const creds = await register();
      const p = submitPayload({ hallCode: 'H01' });
      const early = uuidv7();
      const submit = opFor(creds.deviceId, p);
      await push(creds, [submit]);
      const replace = opFor(
        creds.deviceId,
        { ...p, clerk: 'x', baseHash: payloadHashOf(p) },
        'application.replace',
        early,
      );
      await push(creds, [replace]);
      expect((await hub.central.readStats()).orderViolations).toBe(1);
    });
  });

  describe('stages and the change feed', () => {
    it('feeds each hall its own changes in seq order, paged, and moves stages only forward', async () => {
      const a = await register('H01');
      const b = await register('H02');
      const pa = submitPayload({ hallCode: 'H01', accountKind: 'hv', typeCode: 'hv_new' });
      const [ra] = await push(a, [opFor(a.deviceId, pa)]);
      await push(b, [opFor(b.deviceId, submitPayload({ hallCode: 'H02' }))]);
      const adv = await post('/admin/advance', { centralNo: ra?.centralNo });
      expect(await adv.json()).toMatchObject({ stage: 'SURVEY_DISPATCH', final: false });
      const jump = await post('/admin/advance', {
        applicationId: pa.applicationId,
        stage: 'PLAN_REPLY',
      });
      expect(jump.status).toBe(200);
      const back = await post('/admin/advance', {
        applicationId: pa.applicationId,
        stage: 'SURVEY',
      });
      expect(back.status).toBe(409);

      const get = async (since: number, limit: number) => {
        const res = await fetch(`${hub.central.url}/v1/changes?since=${since}&limit=${limit}`, {
          headers: { authorization: `Bearer ${a.token}` },
        });
        return ChangesPageSchema.parse(await res.json());
      };
      const first = await get(0, 2);
      expect(first.changes.map((c) => c.stage)).toEqual(['ACCEPT', 'SURVEY_DISPATCH']);
      expect(first.more).toBe(true);
      const second = await get(first.nextCursor, 2);
      expect(second.changes.map((c) => c.stage)).toEqual(['PLAN_REPLY']);
      expect(second.more).toBe(false);
      expect(second.changes[0]!.seq).toBeGreaterThan(first.nextCursor);
      expect(second.changes[0]).toMatchObject({ stageIndex: 5, stageCount: 15 });
      const empty = await get(second.nextCursor, 2);
      expect(empty).toEqual({ changes: [], nextCursor: second.nextCursor, more: false });
    });

    it('moves a catalogue type through its own stage list (the catalogue is the vocabulary)', async () => {
      const creds = await register('H01');
      // 更名 is paper-only: no survey and no meter work, unlike the change family's default list.
      const p = submitPayload({
        hallCode: 'H01',
        typeCode: 'CHG_RENAME',
        accountKind: 'lv_business',
      });
      await push(creds, [opFor(creds.deviceId, p)]);
      const adv = await post('/admin/advance', { applicationId: p.applicationId });
      expect(await adv.json()).toMatchObject({ stage: 'CONTRACT_BILLING', final: false });
      const survey = await post('/admin/advance', {
        applicationId: p.applicationId,
        stage: 'SURVEY',
      });
      expect(survey.status).toBe(422);
    });

    it('demo mode advances open applications on a timer', async () => {
      const creds = await register();
      await push(creds, [opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }))]);
      hub.central.setDemo(true, 20);
      await new Promise((r) => setTimeout(r, 200));
      hub.central.setDemo(false);
      const stage = (await hub.central.store.read(() =>
        get<{ stage_index: number }>('SELECT stage_index FROM applications'),
      )) as { stage_index: number };
      expect(stage.stage_index).toBe(2); // household: ACCEPT → METER_ENERGIZE → ARCHIVE, then stops
    });
  });
});
