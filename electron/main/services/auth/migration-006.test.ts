import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../db';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-auth-mig-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const opts = () => ({
  log: testLog,
  now: () => new Date('2026-03-02T01:00:00Z'),
  backupDir: join(dir, 'backups'),
});
const AT = 1_772_413_200_000;

/** A v5 file (before sign-in hardening) holding the given staff numbers. */
function v5With(staffNos: string[], lockedAt: number | null = null): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, 'hall.db'));
  migrate(db, MIGRATIONS.slice(0, 5), opts());
  const insert = db.prepare(
    `INSERT INTO staff_accounts (staff_no, name, role, secret_hash, failed_attempts, locked_at,
      created_at, updated_at) VALUES (?, 'x', 'counter', 'scrypt$10$8$1$AAAA$AAAA', 5, ?, ?, ?)`,
  );
  for (const no of staffNos) insert.run(no, lockedAt, AT, AT);
  return db;
}

describe('migration 006 (sign-in hardening)', () => {
  it('stops with a clear message and changes nothing when staff numbers differ only in case', () => {
    const db = v5With(['C101', 'c101', 'G201']);
    expect(() => migrate(db, MIGRATIONS.slice(0, 6), opts())).toThrow(/differ only in case/);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT count(*) FROM staff_accounts').pluck().get()).toBe(3);
    const columns = db.prepare('PRAGMA table_info(staff_accounts)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('locked_until');
    db.close();
  });

  it('turns an old permanent lock into a 15-minute one and enforces unique lower(staff_no)', () => {
    const db = v5With(['C101', 'G201'], AT);
    migrate(db, MIGRATIONS.slice(0, 6), opts());
    const row = db
      .prepare("SELECT locked_until, lockouts FROM staff_accounts WHERE staff_no = 'C101'")
      .get() as { locked_until: number; lockouts: number };
    expect(row).toEqual({ locked_until: AT + 15 * 60_000, lockouts: 1 });
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff_accounts (staff_no, name, role, secret_hash, created_at, updated_at) VALUES ('c101', 'y', 'guide', 'h', 0, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
