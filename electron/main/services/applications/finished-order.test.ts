import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher, ephemeralKeys } from '../crypto';
import { openDatabase, type Database } from '../db';
import { seedApplications } from '../testing/seed';
import { testLog } from '../../../../tests/support/test-log';
import { listApplications, OPEN_ONLY_SQL } from './search';

/**
 * Finished (archived) applications have nothing left to count: sorted by deadline they must
 * not head the list (their deadlines are the oldest), and the warning filter's 已归档 finds
 * exactly them. The oldest third of the seeded rows is archived, as in a hall's history.
 */
let dir: string;
let db: Database;
const archived = new Set<string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-finished-'));
  db = openDatabase(join(dir, 'hall.db'), {
    log: testLog,
    cipher: createFieldCipher(ephemeralKeys()),
  });
  seedApplications(db, 600, { seed: 11, stepMs: 30 * 60_000 });
  const oldest = db
    .prepare(
      'SELECT id FROM applications WHERE deadline_at IS NOT NULL ORDER BY deadline_at LIMIT 150',
    )
    .pluck()
    .all() as string[];
  const archive = db.prepare("UPDATE applications SET central_stage = 'ARCHIVE' WHERE id = ?");
  for (const id of oldest) {
    archive.run(id);
    archived.add(id);
  }
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('finished applications in the list', () => {
  it('are left out of the soonest-due order', () => {
    const page = listApplications(db, { sort: 'deadline', offset: 0, limit: 100 });
    expect(page.rows).toHaveLength(100);
    expect(page.rows.filter((r) => archived.has(r.id))).toEqual([]);
    const open = db
      .prepare(
        `SELECT id FROM applications WHERE deadline_at IS NOT NULL AND ${OPEN_ONLY_SQL}
         ORDER BY deadline_at, rowid LIMIT 100`,
      )
      .pluck()
      .all();
    expect(page.rows.map((r) => r.id)).toEqual(open);
  });

  it('are what the 已归档 warning filter finds, and only them', () => {
    const page = listApplications(db, { finishedOnly: true, offset: 0, limit: 500 });
    expect(page.total).toBe(archived.size);
    expect(new Set(page.rows.map((r) => r.id))).toEqual(archived);
  });

  it('walk no index entry of finished work when sorted by deadline', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM applications
         WHERE deadline_at IS NOT NULL AND ${OPEN_ONLY_SQL} ORDER BY deadline_at LIMIT 10`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('applications_deadline');
    // Only open work is indexed: the index's own condition leaves the archived rows out.
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'applications_deadline'")
      .pluck()
      .get() as string;
    expect(sql.replace(/\s+/g, ' ')).toContain(`WHERE ${OPEN_ONLY_SQL}`);
  });
});
