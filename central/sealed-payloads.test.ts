import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCentralCore, type CentralCore } from './core';
import { payloadHashOf } from './ledger';
import { opFor, submitPayload } from './testing/fixtures';
import { resultOf, sealPlainPayloads } from './sealed-payloads';
import { get, run } from './store/work';
import { hubCipher } from './queue/draft-sealing';
import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';
import {
  DeviceCredentialsSchema,
  PushResponseSchema,
  type DeviceCredentials,
  type Op,
} from '../shared/sync/protocol';
import { testLog } from '../tests/support/test-log';
import { postgresMissing, startPostgres, type PostgresServer } from '../tests/support/postgres';

/**
 * The outside tester's attack: someone holding central's database reads it with a plain
 * connection (or greps the files). Applications' and hall requests' payloads are sealed, so no
 * ID number, phone, name or address detail is in any table's text, nor in the SQLite files'
 * bytes; central itself still answers with them where it should (a conflict's payload to the
 * hall's own station, the kiosk's look-up by application number).
 */
const pgMissing = postgresMissing();
if (pgMissing) console.log(`sealed payloads on PostgreSQL skipped: ${pgMissing}`);
const ENGINES = pgMissing ? (['sqlite'] as const) : (['sqlite', 'postgres'] as const);

// Synthetic test values (the ID number is the domain brief's test vector).
const ID_NUMBER = '11010519491231002X';
const MOBILE = '13800000000';
const NAME = '测试用户';
const DETAIL = '测试路1号';
const FAULT_PHONE = '13912345678';
const FAULT_ADDRESS = '鼓楼区五四路88号';
const SUB_MOBILE = '13787654321';
const SECRETS = [ID_NUMBER, MOBILE, NAME, DETAIL, FAULT_PHONE, FAULT_ADDRESS, SUB_MOBILE];
const APP_NO = 'L-20261201-0001';
/** Plain rows an older central left: more than one sealing chunk (500). */
const LEGACY_ROWS = 600;
const CONFLICT_OP = '0190f5b0-0000-7000-8000-0000000000c1';

let server: PostgresServer | undefined;
beforeAll(async () => {
  if (!pgMissing) server = await startPostgres({ settings: { fsync: 'off' } });
});
afterAll(() => server?.stop());

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'central-sealed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const dbFileFor = async (engine: 'sqlite' | 'postgres'): Promise<string> =>
  engine === 'postgres' && server ? server.freshDatabase() : join(dir, 'central.db');

const open = (dbFile: string): Promise<CentralCore> =>
  openCentralCore({ allowDevelopmentSecret: true, dbFile, keyFile: join(dir, 'hub-keys.json') });

async function register(core: CentralCore, hallCode: string): Promise<DeviceCredentials> {
  const res = await core.fetch('http://central/v1/devices/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hallCode,
      stationCode: 'S1',
      installationId: uuidv7(),
      registrationSecret: DEV_REGISTRATION_SECRET,
    }),
  });
  return DeviceCredentialsSchema.parse(await res.json());
}

async function push(core: CentralCore, creds: DeviceCredentials, ops: Op[]) {
  const res = await core.fetch('http://central/v1/ops', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
    body: JSON.stringify({ ops }),
  });
  return PushResponseSchema.parse(await res.json()).results;
}

const recordOp = (deviceId: string, kind: Op['kind'], payload: { id: string }): Op => ({
  opId: uuidv7(),
  deviceId,
  kind,
  applicationId: payload.id,
  payload,
  payloadHash: payloadHashOf(payload),
});

const recordBase = () => ({
  id: uuidv7(),
  requestNo: 'R-1',
  hallCode: 'H01',
  stationCode: 'S1',
  takenAt: '2026-12-01T09:00:00+08:00',
  takenBy: 'S001',
  catalogueVersion: '2026.2',
});

/** Every text cell of every table, as a plain connection reads them (no keys). */
async function allText(dbFile: string, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  if (engine === 'sqlite') {
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[];
      return tables.flatMap((t) =>
        (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).map((r) =>
          JSON.stringify(r),
        ),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: dbFile });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const text: string[] = [];
    for (const { table_name: t } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT x::text AS row FROM "${t}" x`);
      text.push(...rows.rows.map((r) => r.row));
    }
    return text;
  } finally {
    await client.end();
  }
}

/** Which secrets occur in these texts (or file bytes). */
const leaked = (texts: string[]): string[] =>
  SECRETS.filter((s) => texts.some((t) => t.includes(s)));

/** Which secrets occur in the SQLite file's or its write-ahead log's bytes (as UTF-8). */
function leakedInFiles(file: string): string[] {
  const bytes = [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  return SECRETS.filter((s) => bytes.some((b) => b.includes(Buffer.from(s, 'utf8'))));
}

describe.each(ENGINES)('central on %s: payloads sealed at rest', (engine) => {
  it('keeps no ID number, phone, name or address in any table after pushes; answers still carry them', async () => {
    const dbFile = await dbFileFor(engine);
    const core = await open(dbFile);
    try {
      const creds = await register(core, 'H01');
      const p = submitPayload({ hallCode: 'H01', appNo: APP_NO });
      const replaced = { ...p, clerk: 'clerk02', baseHash: payloadHashOf(p) };
      const fault = {
        ...recordBase(),
        accountNo: null,
        addressText: FAULT_ADDRESS,
        phone: FAULT_PHONE,
        faultKind: 'no_power_home',
        areaKind: 'rural',
        description: '',
        arrivalMinutes: 90,
        arriveBy: '2026-12-01T10:30:00+08:00',
      };
      const sub = {
        ...recordBase(),
        mobile: SUB_MOBILE,
        accountNo: null,
        channels: ['sms'],
        topics: ['outage'],
        consent: { method: 'signed', textVersion: '2026.2', at: '2026-12-01T09:00:00+08:00' },
      };
      const results = await push(core, creds, [
        opFor(creds.deviceId, p),
        opFor(creds.deviceId, replaced, 'application.replace'),
        recordOp(creds.deviceId, 'request.fault', fault),
        recordOp(creds.deviceId, 'request.subscribe', sub),
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

      // Another submit of the same application: the conflict carries the replaced payload, opened.
      const other = { ...p, clerk: 'clerk09' };
      // The ops table keeps that answer for a resend, and the resend gets it again, opened.
      const otherOp = opFor(creds.deviceId, other);
      const [conflict] = await push(core, creds, [otherOp]);
      expect(conflict).toMatchObject({ status: 'conflict', reasonCode: 'APPLICATION_EXISTS' });
      expect(conflict?.central?.payload).toEqual(replaced);
      expect(await push(core, creds, [otherOp])).toEqual([conflict]);

      const texts = await allText(dbFile, engine);
      const inTables = leaked(texts);
      const inFiles = engine === 'sqlite' ? leakedInFiles(dbFile) : [];
      testLog(
        `${engine}: text cells read ${texts.length}, secrets found in table text ${inTables.length} of ${SECRETS.length}, in the db and -wal file bytes ${inFiles.length}`,
      );
      expect(inTables).toEqual([]);
      expect(inFiles).toEqual([]);
      if (engine === 'sqlite') {
        // After a checkpoint the pages sit in the main file: still nothing readable there.
        core.db.pragma('wal_checkpoint(PASSIVE)');
        expect(leakedInFiles(dbFile)).toEqual([]);
      }

      // The kiosk finds it by its application number and the phone on it.
      const found = await core.queue.lookup('H01', { appNo: APP_NO, mobile: MOBILE });
      expect(found).toMatchObject({ appNo: APP_NO, phoneMasked: '138****0000' });
      expect((await core.ledger.summary()).distinctAppNos).toBe(1);
      const listed = await core.ledger.records.requestsOf('H01');
      expect(listed.map((r) => [r.kind, r.arrivalMinutes])).toEqual([
        ['fault', 90],
        ['subscription', null],
      ]);
    } finally {
      await core.store.close();
    }
  });

  it('seals payloads an older central left in clear at start-up, once', async () => {
    const dbFile = await dbFileFor(engine);
    const first = await open(dbFile);
    const p = submitPayload({ hallCode: 'H01', appNo: APP_NO });
    const fault = { ...recordBase(), addressText: FAULT_ADDRESS, phone: FAULT_PHONE };
    try {
      // As an older central wrote them: the payloads in clear (app_no as migration 12 fills it);
      // more rows than one sealing chunk, and enough pages for freed text to linger.
      await first.store.write(function* () {
        for (let i = 0; i < LEGACY_ROWS; i++) {
          const row = i === 0 ? p : { ...p, applicationId: uuidv7(), appNo: `L-OLD-${i}` };
          yield* run(
            `INSERT INTO applications (application_id, central_no, hall_code, station_code,
               device_id, type_code, account_kind, payload, app_no, payload_hash, version,
               last_op_id, stages, stage_index, stage_at, accepted_at, created_at)
             VALUES (?, ?, 'H01', 'S1', 'd', 'lv_resident_new', 'lv_resident',
               ?, ?, ?, 1, ?, '["ACCEPT","ARCHIVE"]', 0, 1, ?, 1)`,
            row.applicationId,
            `H01-20261201-${String(i + 1).padStart(6, '0')}`,
            JSON.stringify(row),
            row.appNo,
            payloadHashOf(row),
            uuidv7(),
            row.acceptedAt,
          );
        }
        // A conflict's answer kept for resends, holding the central payload.
        yield* run(
          `INSERT INTO ops (device_id, op_id, payload_hash, application_id, result, received_at)
             VALUES ('d', ?, 'h', ?, ?, 1)`,
          CONFLICT_OP,
          p.applicationId,
          JSON.stringify({ opId: CONFLICT_OP, status: 'conflict', central: { payload: p } }),
        );
        yield* run(
          `INSERT INTO hall_requests (record_id, central_no, hall_code, station_code, kind,
             payload, payload_hash, arrive_by, withdrawn_at, received_at)
           VALUES (?, 'GZH01202612010001', 'H01', 'S1', 'fault', ?, 'h', NULL, NULL, 1)`,
          fault.id,
          JSON.stringify(fault),
        );
      });
      expect(leaked(await allText(dbFile, engine))).toEqual([
        ID_NUMBER,
        MOBILE,
        NAME,
        DETAIL,
        FAULT_PHONE,
        FAULT_ADDRESS,
      ]);
    } finally {
      await first.store.close();
    }

    const again = await open(dbFile);
    try {
      const texts = await allText(dbFile, engine);
      const inFiles = engine === 'sqlite' ? leakedInFiles(dbFile) : [];
      testLog(
        `${engine}: after start-up, secrets found in table text ${leaked(texts).length}, in the db and -wal file bytes ${inFiles.length}`,
      );
      expect(leaked(texts)).toEqual([]);
      expect(inFiles).toEqual([]);
      // Nothing left to seal: a second pass finds no plain row.
      expect(
        await sealPlainPayloads(again.store, hubCipher(dbFile, join(dir, 'hub-keys.json'))),
      ).toBe(0);
      const found = await again.queue.lookup('H01', { appNo: APP_NO, mobile: MOBILE });
      expect(found).toMatchObject({ appNo: APP_NO, centralNo: 'H01-20261201-000001' });
      const kept = await again.store.read(() =>
        get<{ result: string }>('SELECT result FROM ops WHERE op_id = ?', CONFLICT_OP),
      );
      expect(resultOf(hubCipher(dbFile, join(dir, 'hub-keys.json')), kept?.result ?? '')).toEqual({
        opId: CONFLICT_OP,
        status: 'conflict',
        central: { payload: p },
      });
      expect((await again.ledger.records.requestsOf('H01')).map((r) => r.recordId)).toEqual([
        fault.id,
      ]);
    } finally {
      await again.store.close();
    }
  });
});
