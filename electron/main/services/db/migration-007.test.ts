import { testLog } from '../../../../tests/support/test-log';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicationRepository } from '../applications/repository';
import { listApplications } from '../applications/search';
import { createOutboxStore } from '../sync/outbox-store';
import { createSyncState } from '../sync/sync-state';
import { MIGRATIONS, migrate, openDatabase } from './index';

const ID = '11010519491231002X';
const PHONE = '13800138000';
const FIELDS = JSON.stringify({ applicantName: '张三', idNumber: ID, mobile: PHONE });
const APP = '0190f5b0-0000-7000-8000-000000000001';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-m007-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A station database as the previous schema (v6) left it: personal data in clear. */
function plainV6(file: string): void {
  const db = new BetterSqlite3(file);
  migrate(db, MIGRATIONS.slice(0, 6), {
    backupDir: join(dir, 'unused'),
    now: () => new Date(),
    log: testLog,
  });
  db.exec(`
    INSERT INTO applications (id, app_no, type_code, family, account_kind, state, applicant_name,
      mobile, id_number, fields_json, papers_json, catalogue_version, clerk, created_at,
      updated_at, accepted_at)
    VALUES ('${APP}', 'C01202501020001', 'NEW_LV_RES', 'new', 'lv_resident', 'queued', '张三',
      '${PHONE}', '${ID}', '${FIELDS}', '[]', 'v1', 'clerk1', 1735776000000, 1735776000000,
      1735776000000);
    INSERT INTO application_history (application_id, at, actor, action, changes_json)
    VALUES ('${APP}', 1735776000000, 'clerk1', 'submit', '{"remark":{"from":null,"to":"${PHONE}"}}');
    INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
    VALUES ('op-1', '${APP}', 'application.submit', '${FIELDS}', 'x', 1735776000000);
    INSERT INTO sync_state (key, value) VALUES ('device_id', 'dev-1'), ('token', 'bearer-1'),
      ('refresh_token', 'refresh-1'), ('token_expires_at', '2099-01-01T00:00:00Z');
    INSERT INTO complaints (id, complaint_no, kind, subject, channel, customer_name, mobile,
      id_number, content, state, rule_version, taken_at, taken_by, contact_due_at, answer_due_at)
    VALUES ('c1', 'TS202501020001', 'complaint', 'billing', 'counter', '李四', '${PHONE}', '${ID}',
      '电费异常', 'taken', '2026.1', 1735776000000, 'clerk1', 1735862400000, 1736380800000);
  `);
  db.close();
}

describe('migration 007 (personal data sealed in place)', () => {
  it('seals a v6 database with data, keeps every value readable through its owner', () => {
    const file = join(dir, 'hall.db');
    plainV6(file);
    const db = openDatabase(file, { backupDir: join(dir, 'backups'), log: testLog });
    // The verified backup was taken first (and, being v6, still holds plain text).
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);

    const raw = db
      .prepare('SELECT mobile, id_number, fields_json FROM applications')
      .get() as Record<string, string>;
    expect(raw.mobile).toBe('138****8000');
    expect(raw.id_number).toBe('110***********002X');
    expect(String(raw.fields_json).startsWith('e1.')).toBe(true);
    const history = db
      .prepare('SELECT changes_json FROM application_history')
      .pluck()
      .get() as string;
    expect(history.startsWith('e1.')).toBe(true);

    expect(JSON.parse(createApplicationRepository(db).findById(APP)!.fields_json)).toMatchObject({
      idNumber: ID,
    });
    expect(createApplicationRepository(db).history(APP)[0]?.changes_json).toContain(PHONE);
    expect(createOutboxStore(db).byState('pending')[0]?.payload).toBe(FIELDS);
    expect(createSyncState(db).credentials()).toMatchObject({
      token: 'bearer-1',
      refreshToken: 'refresh-1',
    });
    expect(listApplications(db, { q: PHONE, offset: 0, limit: 5 }).rows.map((r) => r.id)).toEqual([
      APP,
    ]);
    expect(listApplications(db, { q: ID.toLowerCase(), offset: 0, limit: 5 }).rows).toHaveLength(1);
    expect(listApplications(db, { q: PHONE.slice(0, 7), offset: 0, limit: 5 }).rows).toHaveLength(
      0,
    );
    const complaint = db.prepare('SELECT mobile, mobile_bidx FROM complaints').get() as Record<
      string,
      string
    >;
    expect(complaint.mobile).toBe('138****8000');
    expect(complaint.mobile_bidx).not.toBe('');
    db.close();

    // Nothing personal left in the migrated file's bytes (the -wal was checkpointed on close).
    const bytes = readFileSync(file);
    for (const secret of [ID, PHONE, 'bearer-1', 'refresh-1']) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
  });
});
