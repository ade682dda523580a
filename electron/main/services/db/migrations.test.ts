import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupFailedError,
  DatabaseTooNewError,
  LATEST_VERSION,
  MIGRATIONS,
  migrate,
  openDatabase,
  type Database,
  type Migration,
} from './index';
import { assertMigrationsOrdered } from '../../../../server-common/db';
import { testLog } from '../../../../tests/support/test-log';
import {
  attachCipher,
  createFieldCipher,
  defaultKeyFile,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
} from '../crypto';

/**
 * Data written at each schema version, so every upgrade path is tested with rows in it.
 * When you add migration N, add SEEDS[N] writing at least one row into each table N creates.
 */
const SEEDS: Record<number, (db: Database) => void> = {
  1: (db) => {
    db.exec(`
      INSERT INTO applications (id, app_no, type_code, family, account_kind, state,
        applicant_name, mobile, id_number, fields_json, papers_json, catalogue_version, clerk,
        created_at, updated_at, accepted_at, deadline_at)
      VALUES ('0190f5b0-0000-7000-8000-000000000001', 'C01202501020001', 'NEW_LV_RES', 'new',
        'lv_resident', 'queued', '张三', '13800138000', '11010519491231002X', '{}', '[]', 'v1',
        'clerk1', 1735776000000, 1735776000000, 1735776000000, 1736208000000);
      INSERT INTO applications (id, type_code, family, account_kind, state, fields_json,
        papers_json, catalogue_version, clerk, created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-000000000002', 'NEW_LV_RES', 'new', 'lv_resident',
        'draft', '{}', '[]', 'v1', 'clerk1', 1735776000000, 1735776000000);
      INSERT INTO application_history (application_id, at, actor, action, changes_json)
      VALUES ('0190f5b0-0000-7000-8000-000000000001', 1735776000000, 'clerk1', 'submit', '{}');
      INSERT INTO app_no_counter (station_code, day, last_seq) VALUES ('C01', '20250102', 1);
      INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000aa', '0190f5b0-0000-7000-8000-000000000001',
        'application.submit', '{}', 'x', 1735776000000);
    `);
  },
  2: (db) => {
    SEEDS[1]?.(db);
    // Only the key/value table: the sync tables' columns are still moving (sync helper's).
    db.exec(`INSERT INTO sync_state (key, value) VALUES ('cursor', '42');`);
  },
  3: (db) => {
    SEEDS[2]?.(db);
    db.exec(`
      INSERT INTO queue_offline_tickets (id, number, day, prefix, seq, service_code, priority,
        channel, issued_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000b1', 'G01-A001', '2025-01-02', 'A', 1, 'NEW',
        'normal', 'guide', 1735776000000);
      INSERT INTO guide_checklists (id, customer, steps_json, guide, created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000c1', 'A001', '{"register":true}', 'guide1',
        1735776000000, 1735776000000);
      INSERT INTO station_settings (key, value) VALUES ('role', '"guide"');
    `);
  },
  4: (db) => {
    SEEDS[3]?.(db);
    db.exec(`
      INSERT INTO service_settings (key, value, updated_at, updated_by)
      VALUES ('warnings', '{"orangeWorkingDays":0,"yellowWorkingDays":1}', 1735776000000, 'sup1');
      INSERT INTO service_settings_log (key, value, at, actor)
      VALUES ('warnings', '{"orangeWorkingDays":0,"yellowWorkingDays":1}', 1735776000000, 'sup1');
      INSERT INTO complaints (id, complaint_no, kind, subject, channel, customer_name, mobile,
        content, state, rule_version, taken_at, taken_by, contact_due_at, answer_due_at,
        next_due_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000d1', 'TS202501020001', 'complaint', 'billing',
        'counter', '李四', '13900139000', '电费异常', 'taken', '2026.1', 1735776000000, 'clerk1',
        1735862400000, 1736380800000, 1735862400000);
      INSERT INTO complaint_events (complaint_id, at, actor, action)
      VALUES ('0190f5b0-0000-7000-8000-0000000000d1', 1735776000000, 'clerk1', 'take');
      INSERT INTO report_exports (at, actor, report, format, row_count, filters_json, filename)
      VALUES (1735776000000, 'sup1', 'overdue', 'csv', 0, '{}', 'overdue.csv');
    `);
  },
  5: (db) => {
    SEEDS[4]?.(db);
    db.exec(`
      INSERT INTO staff_accounts (staff_no, name, role, secret_hash, created_at, updated_at)
      VALUES ('S001', '主管甲', 'supervisor', 'scrypt$10$8$1$AAAA$AAAA', 1735776000000,
        1735776000000);
      INSERT INTO staff_sessions (token_hash, staff_no, created_at, last_seen_at)
      VALUES ('${'0'.repeat(64)}', 'S001', 1735776000000, 1735776000000);
      INSERT INTO audit_log (id, at, actor, role, action, target, detail, prev_hash, hash)
      VALUES (1, 1735776000000, 'S001', 'supervisor', 'setup', 'S001', '{}', '${'0'.repeat(64)}',
        '${'1'.repeat(64)}');
    `);
  },
  6: (db) => {
    SEEDS[5]?.(db);
    db.exec(`
      INSERT INTO staff_accounts (staff_no, name, role, secret_hash, created_at, updated_at,
        locked_until, lockouts, disabled_at, recovery_hash)
      VALUES ('C101', '柜员乙', 'counter', 'scrypt$10$8$1$AAAA$AAAA', 1735776000000,
        1735776000000, 1735776900000, 1, 1735776000000, NULL);
    `);
  },
  7: (db) => {
    SEEDS[6]?.(db);
    // As v7 stores it: identifiers masked beside their blind index (values made up here).
    db.exec(`
      INSERT INTO applications (id, type_code, family, account_kind, state, mobile, mobile_bidx,
        fields_json, papers_json, catalogue_version, clerk, created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-000000000007', 'NEW_LV_RES', 'new', 'lv_resident',
        'draft', '138****8000', 'bidx-of-a-phone', 'e1.k1.sealed', '[]', 'v1', 'clerk1',
        1735776000000, 1735776000000);
    `);
  },
  8: (db) => {
    SEEDS[7]?.(db);
    // No new table: v8 seals free text in place (a sealed-looking note, as v8 writes it).
    db.exec(`
      INSERT INTO guide_checklists (id, customer, steps_json, note, guide, created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000c8', 'A008', '{}', 'e1.k1.sealed', 'guide1',
        1735776000000, 1735776000000);
    `);
  },
  9: (db) => {
    SEEDS[8]?.(db);
    db.exec(`
      INSERT INTO applications (id, type_code, family, account_kind, state, applicant_name,
        name_initials, name_pinyin, fields_json, papers_json, catalogue_version, clerk,
        created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-000000000009', 'NEW_LV_RES', 'new', 'lv_resident',
        'draft', '曾小明', 'zxm', 'zengxiaoming', 'e1.k1.sealed', '[]', 'v1', 'clerk1',
        1735776000000, 1735776000000);
    `);
  },
  10: (db) => {
    SEEDS[9]?.(db);
    db.exec(`
      INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, contact,
        created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-00000000000a', 'resident_id', 'bidx', '1101**********002X',
        'person', '曾小明', 'e1.k1.sealed', 1735776000000, 1735776000000);
      INSERT INTO customer_tags (customer_id, tag, reason, set_by, set_at)
      VALUES ('0190f5b0-0000-7000-8000-00000000000a', 'elderly', 'e1.k1.sealed', 'sup1',
        1735776000000);
    `);
  },
  11: (db) => {
    SEEDS[10]?.(db);
    // A dead-letter decision on the first outbox row survives the outbox rebuild; a request's
    // operation names no application.
    db.exec(`
      INSERT INTO sync_resolutions (outbox_seq, action, actor, old_op_id, at)
      VALUES (1, 'discard', 'super1', '0190f5b0-0000-7000-8000-0000000000aa', 1735776000000);
      INSERT INTO hall_alerts (id, origin, level, texts, starts_at, ends_at, raised_by, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000d1', 'hall', 'orange', 'e1.k1.sealed',
        1735776000000, 1735800000000, 'super1', 1735776000000);
      INSERT INTO service_requests (id, request_no, kind, topic, taken_at, taken_by, details)
      VALUES ('0190f5b0-0000-7000-8000-0000000000d2', 'C01-20250102-GZ001', 'fault', 'meter',
        1735776000000, 'clerk1', 'e1.k1.sealed');
      INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000d3', '0190f5b0-0000-7000-8000-0000000000d2',
        'request.fault', 'e1.k1.sealed', 'x', 1735776000000);
    `);
  },
  12: (db) => {
    SEEDS[11]?.(db);
    db.exec(`
      INSERT INTO appt_copy_keys (day, key_sealed, grace_minutes, received_at)
      VALUES ('2025-01-02', 'e1.k1.sealed', 15, 1735776000000);
      INSERT INTO appt_copy (booking_id, day, slot_id, service_code, start_min, end_min,
        phone_masked, channel, booked_at, match, state, received_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000e1', '2025-01-02',
        '0190f5b0-0000-7000-8000-0000000000e2', 'NEW', 540, 600, '139****8866', 'online',
        1735776000000, 'matchmatchmatchmatch', 'booked', 1735776000000);
    `);
  },
  13: (db) => {
    SEEDS[12]?.(db);
    // A customer central knows under another station's id.
    db.exec(`
      INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, contact,
        created_at, updated_at, central_id)
      VALUES ('0190f5b0-0000-7000-8000-00000000000b', 'credit_code', 'bidx2', '9111**********001X',
        'organisation', '某某公司', 'e1.k1.sealed', 1735776000000, 1735776000000,
        '0190f5b0-0000-7000-8000-00000000000c');
    `);
  },
  14: (db) => {
    SEEDS[13]?.(db);
    // A planned outage pulled from central (its texts sealed).
    db.exec(`
      INSERT INTO planned_outages (id, area, starts_at, ends_at, texts, published_at, pulled_at)
      VALUES ('0190f5b0-0000-7000-8000-00000000000d', '350102', 1735776000000, 1735812000000,
        'e1.k1.sealed', 1735776000000, 1735776000000);
    `);
  },
  15: (db) => {
    SEEDS[14]?.(db);
    // A person with an account manager (the only kind the manager index now holds).
    db.exec(`
      INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, contact, manager,
        created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-00000000000e', 'id_number', 'bidx3', '1101**********002X',
        'person', '王五', 'e1.k1.sealed', 'mgr1', 1735776000000, 1735776000000);
    `);
  },
  16: (db) => {
    SEEDS[15]?.(db);
    // A duplicate merged into the person above (the only kind the merged index holds).
    db.exec(`
      INSERT INTO customers (id, cert_type, cert_bidx, cert_masked, kind, name, contact,
        merged_into, created_at, updated_at)
      VALUES ('0190f5b0-0000-7000-8000-00000000000f', 'id_number', 'bidx4', '1101**********003X',
        'person', '王五', 'e1.k1.sealed', '0190f5b0-0000-7000-8000-00000000000e', 1735776000000,
        1735776000000);
    `);
  },
  17: (db) => {
    SEEDS[16]?.(db);
    // A check-in miss from the appointment copy (its time only).
    db.exec(`INSERT INTO appt_copy_misses (at) VALUES (1735776000000);`);
  },
  18: (db) => {
    SEEDS[17]?.(db);
    // An archived application with a deadline (the deadline index now leaves it out).
    db.exec(`
      INSERT INTO applications (id, type_code, family, account_kind, state, fields_json,
        papers_json, catalogue_version, clerk, created_at, updated_at, accepted_at, deadline_at,
        central_stage)
      VALUES ('0190f5b0-0000-7000-8000-00000000000f', 'NEW_LV_RES', 'new', 'lv_resident',
        'acknowledged', 'e1.k1.sealed', '[]', 'v1', 'clerk1', 1735776000000, 1735776000000,
        1735776000000, 1736208000000, 'ARCHIVE');
    `);
  },
  19: (db) => {
    SEEDS[18]?.(db);
    // One more operation: its seq follows the largest, as AUTOINCREMENT's would.
    db.exec(`
      INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
      VALUES ('0190f5b0-0000-7000-8000-0000000000e1', '0190f5b0-0000-7000-8000-00000000000f',
        'application.submit', 'e1.k1.sealed', 'x', 1735776000000);
    `);
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const quiet = { log: testLog, now: () => new Date('2025-01-02T03:04:05Z') };

/** A file migrated with plain better-sqlite3 to exactly `version`, as an older console left it. */
function fileAtVersion(file: string, version: number): void {
  const db = new BetterSqlite3(file);
  // The station's keys (file mode, beside the database), as openDatabase uses them by default.
  const keys = loadOrCreateKeys(defaultKeyFile(file), FILE_MODE_WRAPPER).keys;
  attachCipher(db, createFieldCipher(keys));
  migrate(db, MIGRATIONS.slice(0, version), { ...quiet, backupDir: join(dir, 'unused') });
  SEEDS[version]?.(db);
  db.close();
}

function tableCounts(db: Database): Record<string, number> {
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

const versionOf = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

describe('migrations', () => {
  it('are numbered 1..N in order, and every version has seed data for the upgrade tests', () => {
    expect(() => assertMigrationsOrdered(MIGRATIONS)).not.toThrow();
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
    expect(Object.keys(SEEDS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('reject a list with a gap', () => {
    const gap: Migration[] = [{ version: 2, name: 'gap', up: 'SELECT 1' }];
    expect(() => assertMigrationsOrdered(gap)).toThrow(/expected 1/);
  });

  it('create a fresh database at the latest version without taking a backup', () => {
    const db = openDatabase(join(dir, 'fresh.db'), { ...quiet, backupDir: join(dir, 'bk') });
    expect(versionOf(db)).toBe(LATEST_VERSION);
    expect(Object.keys(tableCounts(db))).toEqual(
      expect.arrayContaining(['applications', 'application_history', 'app_no_counter', 'outbox']),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    expect(readdirSync(dir)).not.toContain('bk');
  });

  for (const { version } of MIGRATIONS) {
    it(`upgrade a v${version} database with data to v${LATEST_VERSION}, keeping every row`, () => {
      const file = join(dir, 'hall.db');
      fileAtVersion(file, version);
      const before = new BetterSqlite3(file);
      const counts = tableCounts(before);
      before.close();
      expect(Object.values(counts).some((n) => n > 0)).toBe(true);

      const backupDir = join(dir, 'backups');
      const db = openDatabase(file, { ...quiet, backupDir });
      expect(versionOf(db)).toBe(LATEST_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = tableCounts(db);
      for (const [table, n] of Object.entries(counts)) expect(after[table], table).toBe(n);
      db.close();

      const backups = version < LATEST_VERSION ? readdirSync(backupDir) : [];
      expect(backups).toHaveLength(version < LATEST_VERSION ? 1 : 0);
    });
  }

  it('refuse a database newer than the code, in Chinese and English, without touching it', () => {
    const file = join(dir, 'newer.db');
    openDatabase(file, quiet).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();

    let error: unknown;
    try {
      openDatabase(file, quiet);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.text.zh).toContain('升级');
    expect(tooNew.text.en).toMatch(/newer than this console supports/);
    expect(tooNew.fileVersion).toBe(LATEST_VERSION + 1);
    const check = new BetterSqlite3(file);
    expect(versionOf(check)).toBe(LATEST_VERSION + 1);
    check.close();
  });
});

describe('the migration runner (with a synthetic next step)', () => {
  const extra = (up: string): Migration[] => [
    ...MIGRATIONS,
    { version: LATEST_VERSION + 1, name: 'test_step', up },
  ];

  function seededLatest(file: string): void {
    fileAtVersion(file, LATEST_VERSION);
  }

  it('backs up and verifies before migrating an existing database, then migrates', () => {
    const file = join(dir, 'hall.db');
    seededLatest(file);
    const backupDir = join(dir, 'backups');
    let backupFile: string | undefined;
    const db = openDatabase(file, {
      ...quiet,
      backupDir,
      migrations: extra('ALTER TABLE applications ADD COLUMN test_extra TEXT'),
      onMigrated: (r) => {
        backupFile = r.backupFile;
      },
    });
    expect(versionOf(db)).toBe(LATEST_VERSION + 1);
    const counts = tableCounts(db);
    db.close();

    expect(backupFile).toBeDefined();
    expect(readdirSync(backupDir)).toEqual([backupFile?.slice(backupDir.length + 1)]);
    const backup = new BetterSqlite3(backupFile as string, { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(versionOf(backup)).toBe(LATEST_VERSION);
    expect(tableCounts(backup)).toEqual(counts);
    backup.close();
  });

  it('the v11 outbox rebuild keeps every row, its seq, the decisions on it and its indexes', () => {
    const file = join(dir, 'hall.db');
    fileAtVersion(file, 9);
    const raw = new BetterSqlite3(file);
    raw.exec(`INSERT INTO sync_resolutions (outbox_seq, action, actor, old_op_id, at)
      VALUES (1, 'discard', 'super1', '0190f5b0-0000-7000-8000-0000000000aa', 1735776000000)`);
    const rowsBefore = raw.prepare('SELECT * FROM outbox ORDER BY seq').all();
    raw.close();
    const db = openDatabase(file, { ...quiet, backupDir: join(dir, 'backups') });
    expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(rowsBefore);
    expect(db.prepare('SELECT outbox_seq FROM sync_resolutions').pluck().all()).toEqual([1]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('outbox', 'sync_resolutions') AND sql IS NOT NULL ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual([
      'outbox_app',
      'outbox_pending',
      'outbox_state_seq',
      'sync_resolutions_outbox',
    ]);
    const fks = db
      .prepare('SELECT "table" FROM pragma_foreign_key_list(\'sync_resolutions\')')
      .pluck()
      .all();
    expect(fks).toEqual(['outbox']);
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_list('outbox')").pluck().get()).toBe(
      0,
    );
    db.close();
  });

  it('rolls a failing step back whole: version and data unchanged', () => {
    const file = join(dir, 'hall.db');
    seededLatest(file);
    const migrations = extra(`
      ALTER TABLE applications ADD COLUMN half_done TEXT;
      DELETE FROM app_no_counter;
      INSERT INTO no_such_table VALUES (1);`);
    expect(() => openDatabase(file, { ...quiet, migrations })).toThrow(/no_such_table/);
    const db = new BetterSqlite3(file);
    expect(versionOf(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT count(*) FROM app_no_counter').pluck().get()).toBe(1);
    const columns = db.prepare('PRAGMA table_info(applications)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('half_done');
    db.close();
  });

  it('does not migrate when the backup cannot be written', () => {
    const file = join(dir, 'hall.db');
    seededLatest(file);
    const blocked = join(dir, 'not-a-dir');
    writeFileSync(blocked, 'a file where the backup directory should be');
    const migrations = extra('ALTER TABLE applications ADD COLUMN test_extra TEXT');
    expect(() => openDatabase(file, { ...quiet, backupDir: blocked, migrations })).toThrow(
      BackupFailedError,
    );
    const db = new BetterSqlite3(file);
    expect(versionOf(db)).toBe(LATEST_VERSION);
    db.close();
  });
});
