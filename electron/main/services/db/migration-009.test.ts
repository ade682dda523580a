import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listApplications } from '../applications/search';
import { testLog } from '../../../../tests/support/test-log';
import {
  attachCipher,
  createFieldCipher,
  defaultKeyFile,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
} from '../crypto';
import { MIGRATIONS, migrate, openDatabase } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-m009-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['单雄信', '曾国藩', '解缙', '单雄信'];

/** A station database as schema v8 left it: names without pinyin keys. */
function v8(file: string): void {
  const db = new BetterSqlite3(file);
  // The station's keys beside the file, as openDatabase finds them later (007 seals with them).
  const keys = loadOrCreateKeys(defaultKeyFile(file), FILE_MODE_WRAPPER).keys;
  attachCipher(db, createFieldCipher(keys));
  migrate(db, MIGRATIONS.slice(0, 8), {
    backupDir: join(dir, 'unused'),
    now: () => new Date(),
    log: testLog,
  });
  const insert = db.prepare(`
    INSERT INTO applications (id, type_code, family, account_kind, state, applicant_name,
      fields_json, papers_json, catalogue_version, clerk, created_at, updated_at)
    VALUES (?, 'NEW_LV_RES', 'new', 'lv_resident', 'draft', ?, 'e1.k1.x', '[]', 'v1', 'clerk1',
      ?, ?)`);
  NAMES.forEach((name, i) => {
    const id = `0190f5b0-0000-7000-8000-00000000000${i}`;
    insert.run(id, name, 1735776000000 + i, 1735776000000 + i);
  });
  db.close();
}

describe('migration 009 (pinyin keys of names)', () => {
  it('backfills the keys of existing rows, surnames read as surnames, and search finds them', () => {
    const file = join(dir, 'hall.db');
    v8(file);
    const db = openDatabase(file, { backupDir: join(dir, 'backups'), log: testLog });
    const keys = db
      .prepare('SELECT applicant_name, name_initials, name_pinyin FROM applications ORDER BY id')
      .all();
    expect(keys).toEqual([
      { applicant_name: '单雄信', name_initials: 'sxx', name_pinyin: 'shanxiongxin' },
      { applicant_name: '曾国藩', name_initials: 'zgf', name_pinyin: 'zengguofan' },
      { applicant_name: '解缙', name_initials: 'xj', name_pinyin: 'xiejin' },
      { applicant_name: '单雄信', name_initials: 'sxx', name_pinyin: 'shanxiongxin' },
    ]);
    const found = (q: string) =>
      listApplications(db, { q, offset: 0, limit: 10 }).rows.map((r) => r.applicant_name);
    expect(found('sxx')).toEqual(['单雄信', '单雄信']);
    expect(found('zeng')).toEqual(['曾国藩']);
    expect(found('xiej')).toEqual(['解缙']);
    expect(found('jiej')).toEqual([]);
    db.close();
  });
});
