import { maskNumbersInText } from '../../../../shared/domain/mask-text';
import { testLog } from '../../../../tests/support/test-log';
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCipher, createFieldCipher, defaultKeyFile, FILE_MODE_WRAPPER } from '../crypto';
import { loadOrCreateKeys } from '../crypto';
import { createComplaintService } from '../complaints/service';
import { createChecklists } from '../queue/checklists';
import { createSettingsService } from '../settings/service';
import { MIGRATIONS, migrate, openDatabase } from './index';

const PHONE = '13957318899';
const CONTENT = `电费异常，请回电 ${PHONE}`;
const ANSWER = '已核实，住址幸福里八号';
const NOTE = '客户口述身份证 350102198001018715';
const GUIDE_NOTE = '客户手机 13957318898';
const REASON = '客户撤回，电话 13957318897';
const SECRETS = [PHONE, '幸福里八号', '350102198001018715', '13957318898', '13957318897'];
const APP = '0190f5b0-0000-7000-8000-000000000001';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-m008-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A station database as v7 left it: free text in clear (identifiers already masked). */
function plainV7(file: string): void {
  const db = new BetterSqlite3(file);
  attachCipher(
    db,
    createFieldCipher(loadOrCreateKeys(defaultKeyFile(file), FILE_MODE_WRAPPER).keys),
  );
  migrate(db, MIGRATIONS.slice(0, 7), {
    backupDir: join(dir, 'unused'),
    now: () => new Date(),
    log: testLog,
  });
  db.exec(`
    INSERT INTO applications (id, type_code, family, account_kind, state, fields_json,
      papers_json, catalogue_version, clerk, created_at, updated_at)
    VALUES ('${APP}', 'NEW_LV_RES', 'new', 'lv_resident', 'queued', 'e1.k1.x', '[]', 'v1',
      'clerk1', 1735776000000, 1735776000000);
    INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at, state,
      last_error)
    VALUES ('op-1', '${APP}', 'application.submit', 'e1.k1.x', 'x', 1735776000000, 'dead',
      'invalid_field fields.mobile ${PHONE}');
    INSERT INTO sync_resolutions (outbox_seq, action, actor, reason, old_op_id, at)
    VALUES (1, 'discard', 'sup1', '${REASON}', 'op-1', 1735776000000);
    INSERT INTO complaints (id, complaint_no, kind, subject, channel, customer_name, content,
      state, rule_version, taken_at, taken_by, contact_due_at, answer_due_at, answered_at, answer)
    VALUES ('0190f5b0-0000-7000-8000-0000000000d1', 'TS202501020001', 'complaint', 'billing',
      'counter', '李四', '${CONTENT}', 'answered', '2026.1', 1735776000000, 'clerk1',
      1735862400000, 1736380800000, 1735862400000, '${ANSWER}');
    INSERT INTO complaint_events (complaint_id, at, actor, action, note)
    VALUES ('0190f5b0-0000-7000-8000-0000000000d1', 1735776000000, 'clerk1', 'take', ''),
      ('0190f5b0-0000-7000-8000-0000000000d1', 1735862400000, 'clerk1', 'answer', '${NOTE}');
    INSERT INTO guide_checklists (id, customer, steps_json, note, guide, created_at, updated_at)
    VALUES ('0190f5b0-0000-7000-8000-0000000000c1', 'A001', '{}', '${GUIDE_NOTE}', 'guide1',
      1735776000000, 1735776000000);
  `);
  db.close();
}

describe('migration 008 (free text sealed in place)', () => {
  it('seals complaint text, event notes, guide notes and reasons; cuts last_error to codes', () => {
    const file = join(dir, 'hall.db');
    plainV7(file);
    const db = openDatabase(file, { backupDir: join(dir, 'backups'), log: testLog });
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);

    const raw = (sql: string) => db.prepare(sql).pluck().all() as (string | null)[];
    for (const v of [
      ...raw('SELECT content FROM complaints'),
      ...raw('SELECT answer FROM complaints'),
      ...raw("SELECT note FROM complaint_events WHERE note <> ''"),
      ...raw('SELECT note FROM guide_checklists'),
      ...raw('SELECT reason FROM sync_resolutions'),
    ]) {
      expect(String(v).startsWith('e1.')).toBe(true);
    }
    expect(raw("SELECT note FROM complaint_events WHERE action = 'take'")).toEqual(['']);
    expect(raw('SELECT last_error FROM outbox')).toEqual(['invalid_field fields.mobile …']);
    // The append-only trigger is back.
    expect(() => db.exec("UPDATE complaint_events SET note = 'x'")).toThrow(/append-only/);

    // Read back through the owners: the text is all there.
    const complaints = createComplaintService({
      db,
      settings: createSettingsService({ db, now: () => new Date() }),
      now: () => new Date(),
    });
    const detail = complaints.get('0190f5b0-0000-7000-8000-0000000000d1');
    // Opened whole, then masked on the way out as every complaint answer is.
    expect(detail.content).toBe(maskNumbersInText(CONTENT));
    expect(detail.answer).toBe(maskNumbersInText(ANSWER));
    expect(detail.events.map((e) => e.note)).toEqual(['', maskNumbersInText(NOTE)]);
    expect(createChecklists(db, () => Date.now()).list(5)[0]?.note).toBe(GUIDE_NOTE);
    db.close();

    const bytes = readFileSync(file);
    for (const secret of SECRETS) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        expect(bytes.includes(Buffer.from(secret, enc)), secret).toBe(false);
      }
    }
  });
});
