import { createCustomerStore } from '../customers/store';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import { testLog } from '../../../../tests/support/test-log';
import { callOk, TEST_COST } from '../auth/testing/services';
import { createServices, type Services } from '../createServices';
import { createOfflineCopy } from '../appointments/offline-copy';
import { createOutboxStore } from '../sync/outbox-store';
import { createSyncState } from '../sync/sync-state';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { writeFreeText } from '../testing/free-text';
import { FIELDS_CONTEXT } from '../applications/sealing';
import { createFieldCipher } from './cipher';
import { FILE_MODE_WRAPPER, loadOrCreateKeys } from './keys';
import { rotateDataKey, RotationRefusedError } from './rotate';
import { runRotateCli } from './rotate-cli';
import { SEALED_COLUMNS } from './sealed-columns';
import { createOutageStore } from '../alerts/outage-store';

const dir = mkdtempSync(join(tmpdir(), 'hall-rotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dbFile = join(dir, 'hall.db');
/** A day far ahead, so the copy's clean-up of past days keeps it. */
const COPY_DAY = '2099-01-02';
const keyFile = join(dir, 'hall-keys.json');

const open = (): Services =>
  createServices({
    dbFile,
    backupDir: join(dir, 'backups'),
    transport: 'http',
    log: testLog,
    auth: { enforce: false, scryptCost: TEST_COST },
  });

/** `table.column` of every text column holding a value that looks sealed (`e1.`). */
function columnsWithSealedValues(db: BetterSqlite3.Database): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (db.pragma(`table_info("${table}")`) as { name: string }[])
      .filter(
        ({ name }) =>
          db
            .prepare(
              `SELECT 1 FROM "${table}" WHERE typeof("${name}") = 'text' AND "${name}" LIKE 'e1.%' LIMIT 1`,
            )
            .get() !== undefined,
      )
      .map(({ name }) => `${table}.${name}`),
  );
}

const listed = SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`);

/** What a clerk sees of the station's data, read back through the owners. */
async function readBack(services: Services, ids: string[], complaintId: string) {
  const outbox = createOutboxStore(services.db);
  return {
    details: await Promise.all(ids.map((id) => callOk(services, 'applications.get', { id }))),
    complaint: await callOk(services, 'complaints.get', { id: complaintId }),
    checklists: await callOk(services, 'guide.checklists', { limit: 5 }),
    outbox: [...outbox.byState('pending'), ...outbox.byState('acked')],
    credentials: createSyncState(services.db).credentials(),
    hub: createSyncState(services.db, 'hub.').credentials(),
    alerts: await callOk(services, 'alerts.current', {}),
    requests: await callOk(services, 'requests.list', {}),
    copyKey: createOfflineCopy(services.db).dayKey(COPY_DAY),
    outages: createOutageStore(services.db).notEnded(0),
  };
}

describe('data key rotation', () => {
  it('re-seals every sealed value under a new key, then drops the old one', async () => {
    let services = open();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(700 + i), new Date());
      const method = i === 3 ? 'applications.saveDraft' : 'applications.submit';
      ids.push((await callOk<{ id: string }>(services, method, input)).id);
    }
    // A customer record from the submits, with a tag's sealed reason (customer record).
    const [customer] = createCustomerStore(services.db).byNamePrefix('');
    await callOk(services, 'customers.setTag', {
      customerId: customer!.id,
      tag: 'elderly',
      reason: '八十岁，行动不便',
    });
    const outbox = createOutboxStore(services.db);
    const [first] = outbox.byState('pending');
    expect(first).toBeDefined();
    expect(
      outbox.ackMany(
        [{ seq: first!.seq, response: '{"ok":true}', carriesRecord: true }],
        Date.now(),
      ),
    ).toBe(1);
    const creds = { deviceId: 'dev-1', tokenExpiresAt: '2099-01-01T00:00:00Z' };
    createSyncState(services.db).saveCredentials({ ...creds, token: 't-1', refreshToken: 'r-1' });
    createSyncState(services.db, 'hub.').saveCredentials({
      ...creds,
      token: 'hub-t',
      refreshToken: 'hub-r',
    });
    const { complaintId } = await writeFreeText(services, {
      complaintContent: '电费异常，请回电',
      complaintAnswer: '已核实并答复',
      complaintNote: '已电话联系',
      guideNote: '客户已学会交费',
      discardReason: '客户撤回申请',
      complaintMobile: '13800138000',
    });
    // Issue 17: an alert's texts and a fault report's details.
    await callOk(services, 'alerts.raise', {
      level: 'yellow',
      reason: '报修增多',
      staffGuidance: '优先受理报修',
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await callOk(services, 'requests.reportFault', {
      addressText: '五四路1号',
      phone: '13800138000',
      faultKind: 'no_power_home',
      areaKind: 'urban',
    });
    // A planned outage pulled from central (what is affected, the notice).
    createOutageStore(services.db).replace(
      [
        {
          id: '0193a1b2-0000-7000-8000-0000000000aa',
          area: '350102',
          startsAt: '2099-01-02T08:00:00+08:00',
          endsAt: '2099-01-02T18:00:00+08:00',
          affected: '东街10kV线路',
          customerNotice: '东街片区计划停电',
          publishedAt: '2099-01-01T08:00:00+08:00',
        },
      ],
      Date.now(),
    );
    // The hub's matching key of a day, kept for check-in with the hub down.
    createOfflineCopy(services.db).save(
      {
        graceMinutes: 15,
        days: [{ day: COPY_DAY, key: 'day-key-from-the-hub-0001' }],
        bookings: [],
      },
      Date.now(),
    );
    const before = await readBack(services, ids, complaintId);
    expect(before.copyKey?.key).toBe('day-key-from-the-hub-0001');

    // Every column holding sealed values is in the rotation's list, and each listed one is filled.
    const found = columnsWithSealedValues(services.db);
    expect(found.filter((c) => !listed.includes(c))).toEqual([]);
    expect([...new Set(found)].sort()).toEqual([...new Set(listed)].sort());

    // The console is running (its -wal is there): refused, nothing changed.
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    expect(() => rotateDataKey({ dbFile, keyFile, wrapper: FILE_MODE_WRAPPER })).toThrow(
      RotationRefusedError,
    );
    expect(runRotateCli(['--db', dbFile]).code).toBe(1);
    expect(loadOrCreateKeys(keyFile, FILE_MODE_WRAPPER).keys.currentKeyId).toBe('k1');
    await services.close();

    const result = rotateDataKey({ dbFile, keyFile, wrapper: FILE_MODE_WRAPPER });
    expect(result.keyId).toBe('k2');
    expect(result.droppedKeyIds).toEqual(['k1']);
    expect(existsSync(result.backupFile)).toBe(true);
    expect(existsSync(result.keyBackupFile)).toBe(true);

    // Raw check: every sealed value carries k2 and opens with the key file as it is now.
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as { current: string; dataKeys: object };
    expect(file.current).toBe('k2');
    expect(Object.keys(file.dataKeys)).toEqual(['k2']);
    const cipher = createFieldCipher(loadOrCreateKeys(keyFile, FILE_MODE_WRAPPER).keys);
    const raw = new BetterSqlite3(dbFile, { readonly: true });
    let values = 0;
    for (const c of SEALED_COLUMNS) {
      const rows = raw
        .prepare(
          `SELECT "${c.rowKey}" AS k, "${c.column}" AS v FROM "${c.table}" WHERE "${c.column}" LIKE 'e1.%'`,
        )
        .all() as { k: string; v: string }[];
      for (const row of rows) {
        expect(cipher.keyIdOf(row.v)).toBe('k2');
        expect(() => cipher.open(row.v, c.context(row.k))).not.toThrow();
        values += 1;
      }
    }
    raw.close();
    expect(values).toBe(result.values);
    // 4 applications, their history, the outbox payloads and one response, 4 tokens at least.
    expect(values).toBeGreaterThanOrEqual(4 + 3 + 3 + 1 + 4);

    // The backup still opens with the key file saved beside it (k1), not with the new one.
    const old = createFieldCipher(loadOrCreateKeys(result.keyBackupFile, FILE_MODE_WRAPPER).keys);
    const copy = new BetterSqlite3(result.backupFile, { readonly: true });
    const sealedBefore = copy
      .prepare('SELECT fields_json FROM applications')
      .pluck()
      .all() as string[];
    copy.close();
    expect(sealedBefore.map((v) => JSON.parse(old.open(v, FIELDS_CONTEXT)))).toHaveLength(4);
    expect(() => cipher.open(sealedBefore[0]!, FIELDS_CONTEXT)).toThrow();

    // The services read the same data as before.
    services = open();
    expect(await readBack(services, ids, complaintId)).toEqual(before);
    await services.close();
    // The command rotates again (k2 -> k3) and says so in one line.
    const cli = runRotateCli(['--db', dbFile]);
    expect(cli.code).toBe(0);
    expect(cli.lines).toEqual([expect.stringContaining(`${values} values sealed with k3`)]);
    console.log(`key_rotation values=${values} key=${result.keyId} ok`);
  });

  it('the column scan finds a sealed value in a column missing from the list', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('e1.k1.abc')",
    );
    expect(columnsWithSealedValues(db)).toEqual(['notes.body']);
    expect(listed).not.toContain('notes.body');
    db.close();
  });

  it('the command prints its usage without --db and refuses a missing key file or foreign db', () => {
    expect(runRotateCli([]).code).toBe(2);
    const lone = join(mkdtempSync(join(dir, 'lone-')), 'lone.db');
    new BetterSqlite3(lone).close();
    expect(runRotateCli(['--db', lone])).toEqual({
      code: 1,
      lines: [expect.stringContaining('the key file does not exist')],
    });
    const keysBefore = readFileSync(keyFile, 'utf8');
    expect(runRotateCli(['--db', lone, '--keys', keyFile])).toEqual({
      code: 1,
      lines: [expect.stringContaining('not a database of this console')],
    });
    expect(readFileSync(keyFile, 'utf8')).toBe(keysBefore);
  });
});
