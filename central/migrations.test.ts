import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCentralDb } from './db';
import { CENTRAL_MIGRATIONS, CENTRAL_SCHEMA_VERSION } from './migrations';
import { createCentralCore } from './server';
import { opFor, submitPayload } from './testing/fixtures';
import { DatabaseTooNewError, assertMigrationsOrdered, migrate } from '../server-common/db';
import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';
import { DeviceCredentialsSchema, PushResponseSchema } from '../shared/sync/protocol';
import { testLog } from '../tests/support/test-log';

/** The dump of a database written by central before it had numbered migrations. */
const OLD_DUMP = readFileSync(
  new URL('./migrations/fixtures/central-v1-before-migrations.sql', import.meta.url),
  'utf8',
);
/** 14:00 on 2026-11-30 in the hall: the day the old database's numbers were handed out. */
const FIXTURE_DAY_MS = Date.parse('2026-11-30T06:00:00Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'central-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const quiet = { log: testLog, now: () => new Date('2026-12-01T00:00:00Z') };
const versionOf = (db: BetterSqlite3.Database): number =>
  db.pragma('user_version', { simple: true }) as number;

function tableCounts(db: BetterSqlite3.Database): Record<string, number> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number]),
  );
}

const indexNames = (db: BetterSqlite3.Database): string[] =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .pluck()
    .all() as string[];

/** A file exactly as the old central code left it. */
function oldCentralFile(file: string): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec(OLD_DUMP);
  db.close();
}

describe('central migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(() => assertMigrationsOrdered(CENTRAL_MIGRATIONS)).not.toThrow();
    expect(CENTRAL_SCHEMA_VERSION).toBe(CENTRAL_MIGRATIONS.length);
  });

  it('create a fresh database at the latest version, with the ledger and queue tables, no backup', () => {
    const db = openCentralDb(join(dir, 'fresh.db'), quiet);
    expect(versionOf(db)).toBe(CENTRAL_SCHEMA_VERSION);
    expect(Object.keys(tableCounts(db))).toEqual(
      expect.arrayContaining(['devices', 'ops', 'applications', 'changes', 'queue_tickets']),
    );
    db.close();
    expect(readdirSync(dir)).not.toContain('backups');
  });

  it('open a database the old central code wrote, keeping every row and index, after a backup', () => {
    const file = join(dir, 'central.db');
    oldCentralFile(file);
    const raw = new BetterSqlite3(file);
    const before = tableCounts(raw);
    const indexesBefore = indexNames(raw);
    expect(versionOf(raw)).toBe(1);
    raw.close();
    expect(before.queue_tickets).toBe(3);

    const db = openCentralDb(file, quiet);
    expect(versionOf(db)).toBe(CENTRAL_SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every old row kept; the device-trust tables (migration 3) and the hub's link to central
    // (migration 4) start empty.
    expect(tableCounts(db)).toEqual({
      ...before,
      enrolment_codes: 0,
      audit_tails: 0,
      audit_tail_refusals: 0,
      hub_central_link: 0,
      // Appointments (migration 6) and the hall's requests and alerts (migration 8) start empty.
      appt_slots: 0,
      appt_bookings: 0,
      appt_settings: 0,
      hall_requests: 0,
      hall_alerts: 0,
      // The hall's customers (migration 9) start empty.
      hall_customers: 0,
      hall_customer_tags: 0,
      hall_customer_events: 0,
      // Hall areas and planned outages (migration 11) start empty.
      hall_areas: 0,
      planned_outages: 0,
    });
    // Every old index kept but the one on the payload's appNo (migration 12 replaces it with the
    // app_no column's, as the payload is sealed); migrations 6, 8, 9, 10, 11 and 12 add the
    // appointment, request, alert, customer, tickets-by-customer, planned-outage, app_no,
    // plain-payload and plain-conflict indexes.
    expect(indexesBefore).toContain('applications_counter_no');
    expect(indexNames(db)).toEqual(
      [
        ...indexesBefore.filter((n) => n !== 'applications_counter_no'),
        'applications_app_no',
        'applications_plain_payload',
        'hall_requests_plain_payload',
        'ops_plain_conflict',
        'appt_bookings_day',
        'appt_bookings_slot',
        'hall_alerts_hall',
        'hall_requests_hall',
        'hall_customers_feed',
        'hall_customer_events_customer',
        'queue_tickets_customer',
        'planned_outages_area',
      ].sort(),
    );
    db.close();

    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new BetterSqlite3(join(dir, 'backups', backups[0] as string), {
      readonly: true,
    });
    expect(versionOf(backup)).toBe(1);
    expect(tableCounts(backup)).toEqual(before);
    backup.close();
  });

  it('serve an old database on: queue numbers, central numbers and the feed carry on', async () => {
    const file = join(dir, 'central.db');
    oldCentralFile(file);
    const core = createCentralCore({
      allowDevelopmentSecret: true,
      dbFile: file,
      now: () => FIXTURE_DAY_MS,
    });
    try {
      // The old file holds A001, A002 (served and rated) and C001 for that hall day.
      const issued = await core.queue.issue('H01', 'G01', {
        id: '0190f5b0-0000-7000-8000-0000000000f1',
        serviceCode: 'NEW',
        priority: 'normal',
        channel: 'guide',
      });
      expect(issued.number).toBe('A003');
      const measures = await core.queue.measures('H01', {});
      expect(measures.total).toMatchObject({ issued: 4, served: 1 });
      expect(measures.ratings.count).toBe(1);

      const feed = await core.ledger.changesSince('H01', 0, 10);
      expect(feed.changes.map((c) => c.seq)).toEqual([1, 2, 3]);

      const reg = await core.fetch('http://central/v1/devices/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          hallCode: 'H01',
          stationCode: 'S2',
          installationId: '0190f5b0-0000-7000-8000-0000000000f2',
          registrationSecret: DEV_REGISTRATION_SECRET,
        }),
      });
      const creds = DeviceCredentialsSchema.parse(await reg.json());
      const pushed = await core.fetch('http://central/v1/ops', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${creds.token}` },
        body: JSON.stringify({ ops: [opFor(creds.deviceId, submitPayload({ hallCode: 'H01' }))] }),
      });
      const [result] = PushResponseSchema.parse(await pushed.json()).results;
      expect(result).toMatchObject({ status: 'applied', centralNo: 'H01-20261130-000003' });
      expect((await core.ledger.changesSince('H01', 3, 10)).changes.map((c) => c.seq)).toEqual([4]);
    } finally {
      core.db.close();
    }
  });

  it('upgrade a database left at every earlier version by the current steps', () => {
    for (let version = 1; version < CENTRAL_SCHEMA_VERSION; version++) {
      const file = join(dir, `v${version}.db`);
      const raw = new BetterSqlite3(file);
      migrate(raw, CENTRAL_MIGRATIONS.slice(0, version), { ...quiet, backupDir: dir });
      raw.close();
      const db = openCentralDb(file, quiet);
      expect(versionOf(db), `from v${version}`).toBe(CENTRAL_SCHEMA_VERSION);
      db.close();
    }
  });

  it('refuse a database newer than the code, naming the central system, without touching it', () => {
    const file = join(dir, 'newer.db');
    openCentralDb(file, quiet).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${CENTRAL_SCHEMA_VERSION + 1}`);
    raw.close();

    let error: unknown;
    try {
      openCentralDb(file, quiet);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).text.zh).toContain('请升级中心系统');
    expect((error as DatabaseTooNewError).text.en).toMatch(/newer than this central system/);
    const check = new BetterSqlite3(file);
    expect(versionOf(check)).toBe(CENTRAL_SCHEMA_VERSION + 1);
    check.close();
  });
});
