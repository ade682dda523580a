import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DEV_REGISTRATION_SECRET, startCentral, type CentralHandle } from './server';
import { payloadHashOf } from './ledger';
import { all } from './store/work';
import {
  DeviceCredentialsSchema,
  PushResponseSchema,
  type DeviceCredentials,
  type Op,
} from '../shared/sync/protocol';
import { CustomersPageSchema, type CustomerOpKind } from '../shared/sync/customer-payloads';
import { testLog } from '../tests/support/test-log';
import { postgresMissing, startPostgres, type PostgresServer } from '../tests/support/postgres';

/**
 * The hall's customers at central (issue 15), on both stores: one customer per hall and
 * certificate whatever id each station gave it, last writer by central order with the history
 * kept, and a device of another hall neither reading nor writing them.
 */
const pgMissing = postgresMissing();
if (pgMissing) console.log(`customers on PostgreSQL skipped: ${pgMissing}`);
const ENGINES = pgMissing ? (['sqlite'] as const) : (['sqlite', 'postgres'] as const);

// Synthetic test values (a valid-format credit code, a made-up phone).
const CREDIT = '91350100M000100Y43';
const PHONE = '13800138000';

let dir: string;
let central: CentralHandle;
let server: PostgresServer | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres({ settings: { fsync: 'off' } });
});
afterAll(() => server?.stop());

const call = (path: string, body?: unknown, token?: string) =>
  fetch(`${central.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function register(hallCode: string, stationCode: string): Promise<DeviceCredentials> {
  const res = await call('/v1/devices/register', {
    hallCode,
    stationCode,
    installationId: uuidv7(),
    registrationSecret: DEV_REGISTRATION_SECRET,
  });
  return DeviceCredentialsSchema.parse(await res.json());
}

interface Station {
  creds: DeviceCredentials;
  hall: string;
  station: string;
}

const station = async (hall: string, code: string): Promise<Station> => ({
  creds: await register(hall, code),
  hall,
  station: code,
});

function op(
  s: Station,
  kind: CustomerOpKind,
  payload: { id: string } & Record<string, unknown>,
): Op {
  return {
    opId: uuidv7(),
    deviceId: s.creds.deviceId,
    kind,
    applicationId: payload.id,
    payload,
    payloadHash: payloadHashOf(payload),
  };
}

async function push(s: Station, ops: Op[]) {
  const res = await call('/v1/ops', { ops }, s.creds.token);
  return PushResponseSchema.parse(await res.json()).results;
}

async function pull(s: Station, since = 0) {
  const res = await call(`/v1/customers?since=${since}`, undefined, s.creds.token);
  return CustomersPageSchema.parse(await res.json());
}

const base = (s: Station, id: string, certNo = CREDIT) => ({
  id,
  hallCode: s.hall,
  stationCode: s.station,
  certType: 'credit_code',
  certNo,
  kind: 'organisation',
  at: '2026-12-01T09:00:00+08:00',
  actor: 'S001',
});

const created = (s: Station, id: string, certNo = CREDIT, mobile = PHONE) => ({
  ...base(s, id, certNo),
  action: 'created',
  name: '福州某某电器有限公司',
  mobile,
  address: '鼓楼区五四路1号',
  applicationId: null,
  changes: {},
});

describe.each(ENGINES)('central on %s: the hall’s customers', (engine) => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-customers-'));
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

  it('keeps one customer for the same certificate from two stations, a lower-case code too', async () => {
    const a = await station('H01', 'C01');
    const b = await station('H01', 'C02');
    const idA = uuidv7();
    const idB = uuidv7();
    const first = op(a, 'customer.contact', created(a, idA));
    expect((await push(a, [first]))[0]).toMatchObject({ status: 'applied', centralNo: idA });
    // The same op again is a duplicate (device + op id), not a second change.
    expect((await push(a, [first]))[0]?.status).toBe('duplicate');
    // Station B made its own record of the same organisation, its credit code typed lower.
    const fromB = created(b, idB, CREDIT.toLowerCase(), '13900139000');
    const [rb] = await push(b, [op(b, 'customer.contact', fromB)]);
    expect(rb).toMatchObject({ status: 'applied', centralNo: idA });

    const seenByA = await pull(a);
    testLog(
      `customers pulled by C01: ${seenByA.customers.length}, history entries from other devices: ${seenByA.customers[0]?.history.length}`,
    );
    expect(seenByA.customers).toHaveLength(1);
    const one = seenByA.customers[0];
    // Last writer (B) wins; A sees B's change in the history, not its own creation.
    expect(one).toMatchObject({ customerId: idA, certNo: CREDIT, mobile: '13900139000' });
    expect(one?.history.map((h) => [h.stationCode, h.action, Object.keys(h.changes)])).toEqual([
      ['C02', 'contact', ['mobile']],
    ]);
    expect(one?.history[0]?.changes.mobile).toEqual({ from: PHONE, to: '13900139000' });
    // B sees A's creation.
    const seenByB = await pull(b);
    expect(seenByB.customers[0]?.history.map((h) => h.action)).toEqual(['created']);
    expect((await pull(b, seenByB.nextCursor)).customers).toEqual([]);
  });

  it('carries tags with who and why, the manager, and a merge, in central order', async () => {
    const a = await station('H01', 'C01');
    const b = await station('H01', 'C02');
    const id = uuidv7();
    const dup = uuidv7();
    const idNo = '11010519491231002X';
    const person = { certType: 'resident_id', certNo: idNo, kind: 'person' };
    const results = await push(a, [
      op(a, 'customer.contact', created(a, id)),
      op(a, 'customer.tag', {
        ...base(a, id),
        tag: 'sensitive',
        set: true,
        reason: '多次投诉',
        label: null,
      }),
      op(a, 'customer.tag', {
        ...base(a, id),
        tag: 'h_vip_line',
        set: true,
        reason: '专线客户',
        label: { zh: '专线', en: 'Dedicated line' },
      }),
      op(a, 'customer.manager', { ...base(a, id), manager: 'M01' }),
      op(a, 'customer.contact', { ...created(a, dup), ...person }),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    const more = await push(b, [
      op(b, 'customer.tag', {
        ...base(b, uuidv7()),
        tag: 'h_vip_line',
        set: false,
        reason: '已撤线',
        label: null,
      }),
      op(b, 'customer.merge', {
        ...base(b, dup, idNo),
        ...person,
        into: {
          id: uuidv7(),
          certType: 'credit_code',
          certNo: CREDIT,
          kind: 'organisation',
          name: 'x',
        },
        reason: '重复建档',
      }),
    ]);
    expect(more.map((r) => r.status)).toEqual(['applied', 'applied']);
    const page = await pull(a);
    const org = page.customers.find((c) => c.customerId === id);
    const gone = page.customers.find((c) => c.customerId === dup);
    expect(org?.tags.map((t) => [t.tag, t.reason, t.setBy])).toEqual([
      ['sensitive', '多次投诉', 'S001'],
    ]);
    expect(org?.manager).toBe('M01');
    expect(gone?.mergedInto).toBe(id);
    expect(org?.history.map((h) => h.action)).toEqual(['tag_removed', 'merged_in']);
    // Central order: the merged duplicate and its survivor come after every earlier change.
    expect(page.customers.map((c) => c.seq)).toEqual(
      [...page.customers.map((c) => c.seq)].sort((x, y) => x - y),
    );
  });

  it('refuses another hall’s device and never shows it this hall’s customers', async () => {
    const a = await station('H01', 'C01');
    const intruder = await station('H02', 'C01');
    const id = uuidv7();
    await push(a, [op(a, 'customer.contact', created(a, id))]);
    // Writing into H01 under its own token: refused by hall.
    const [forged] = await push(intruder, [
      op(intruder, 'customer.manager', { ...base(a, id), manager: 'X99' }),
    ]);
    expect(forged?.reasonCode).toBe('HALL_MISMATCH');
    // Naming H01's customer id with its own hall: a separate H02 customer, under another id.
    const [own] = await push(intruder, [
      op(intruder, 'customer.contact', { ...created(intruder, id), name: '冒名' }),
    ]);
    expect(own?.status).toBe('applied');
    expect(own?.centralNo).not.toBe(id);
    const h1 = await pull(a);
    expect(h1.customers.map((c) => [c.customerId, c.name, c.manager])).toEqual([
      [id, '福州某某电器有限公司', null],
    ]);
    expect((await pull(intruder)).customers.map((c) => c.customerId)).toEqual([own?.centralNo]);
    expect((await call('/v1/customers', undefined, 'not-a-token')).status).toBe(401);
  });

  it('keeps the certificate, contact, reasons and history sealed at rest', async () => {
    const a = await station('H01', 'C01');
    const id = uuidv7();
    await push(a, [
      op(a, 'customer.contact', created(a, id)),
      op(a, 'customer.tag', {
        ...base(a, id),
        tag: 'vip',
        set: true,
        reason: `电话${PHONE}`,
        label: null,
      }),
    ]);
    const rows = await central.store.read(function* () {
      const out: unknown[] = [];
      for (const table of ['hall_customers', 'hall_customer_tags', 'hall_customer_events']) {
        out.push(...(yield* all<Record<string, unknown>>(`SELECT * FROM ${table}`)));
      }
      return out;
    });
    const text = JSON.stringify(rows);
    testLog(`central customer rows checked for plain personal data: ${rows.length}`);
    expect(rows.length).toBe(4);
    for (const plain of [CREDIT, PHONE, '五四路']) expect(text).not.toContain(plain);
  });
});
