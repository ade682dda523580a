import type { Migration } from '../../../../../server-common/db';
import { namePinyin } from '../../applications/name-pinyin';
import type { Database } from '../openDatabase';

/**
 * Name search by pinyin (issue 12, item 12): two key columns computed from the applicant's
 * name at write time, each with an index led by it (created_at beside it keeps newest-first
 * covered), so "zw" or "zhangwei" is an index range like a name prefix. Existing rows get their
 * keys here. The keys come from the name alone, which is stored plain already: they reveal
 * nothing the name column does not.
 */
export const migration009NamePinyin: Migration = {
  version: 9,
  name: 'name_pinyin',
  up: `
    ALTER TABLE applications ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
    ALTER TABLE applications ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
    CREATE INDEX applications_name_initials ON applications(name_initials, created_at);
    CREATE INDEX applications_name_pinyin ON applications(name_pinyin, created_at);
  `,
  data: (db) => backfill(db),
};

function backfill(db: Database): void {
  const names = db
    .prepare("SELECT DISTINCT applicant_name AS name FROM applications WHERE applicant_name <> ''")
    .pluck()
    .all() as string[];
  const write = db.prepare(
    'UPDATE applications SET name_initials = ?, name_pinyin = ? WHERE applicant_name = ?',
  );
  for (const name of names) {
    const keys = namePinyin(name);
    write.run(keys.initials, keys.full, name);
  }
}
