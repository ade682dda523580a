import type { Database } from '../db';
import type { Account, StaffRole } from '../../../../shared/auth/schemas';
import { toHallIso } from '../../../../shared/hall-time';

export const MAX_FAILED_ATTEMPTS = 5;

export interface AccountRow {
  staff_no: string;
  name: string;
  role: StaffRole;
  secret_hash: string;
  failed_attempts: number;
  locked_at: number | null;
  created_at: number;
  updated_at: number;
}

export const toAccount = (row: AccountRow): Account => ({
  staffNo: row.staff_no,
  name: row.name,
  role: row.role,
  locked: row.locked_at !== null,
  failedAttempts: row.failed_attempts,
  createdAt: toHallIso(row.created_at),
});

/** Statements over staff_accounts; the lockout counter is bumped atomically in SQL. */
export function createAccountStore(db: Database) {
  const byNo = db.prepare<[string], AccountRow>('SELECT * FROM staff_accounts WHERE staff_no = ?');
  const all = db.prepare<[], AccountRow>('SELECT * FROM staff_accounts ORDER BY staff_no');
  const count = db.prepare<[], number>('SELECT count(*) FROM staff_accounts').pluck();
  const insert = db.prepare<[AccountRow]>(`
    INSERT INTO staff_accounts (staff_no, name, role, secret_hash, failed_attempts, locked_at,
      created_at, updated_at)
    VALUES (@staff_no, @name, @role, @secret_hash, @failed_attempts, @locked_at, @created_at,
      @updated_at)`);
  // The 5th failure locks in the same statement, so concurrent attempts cannot slip past it.
  const fail = db.prepare<[number, number, number, string], AccountRow>(`
    UPDATE staff_accounts SET failed_attempts = failed_attempts + 1,
      locked_at = CASE WHEN failed_attempts + 1 >= ? THEN coalesce(locked_at, ?) ELSE locked_at END,
      updated_at = ?
    WHERE staff_no = ? RETURNING *`);
  const succeed = db.prepare<[number, string]>(
    'UPDATE staff_accounts SET failed_attempts = 0, updated_at = ? WHERE staff_no = ?',
  );
  const unlock = db.prepare<[number, string], AccountRow>(`
    UPDATE staff_accounts SET failed_attempts = 0, locked_at = NULL, updated_at = ?
    WHERE staff_no = ? RETURNING *`);
  const setSecret = db.prepare<[string, number, string], AccountRow>(`
    UPDATE staff_accounts SET secret_hash = ?, failed_attempts = 0, locked_at = NULL,
      updated_at = ? WHERE staff_no = ? RETURNING *`);

  return {
    find: (staffNo: string): AccountRow | undefined => byNo.get(staffNo),
    list: (): AccountRow[] => all.all(),
    count: (): number => count.get() as number,
    insert: (row: AccountRow): void => void insert.run(row),
    recordFailure: (staffNo: string, at: number): AccountRow | undefined =>
      fail.get(MAX_FAILED_ATTEMPTS, at, at, staffNo),
    recordSuccess: (staffNo: string, at: number): void => void succeed.run(at, staffNo),
    unlock: (staffNo: string, at: number): AccountRow | undefined => unlock.get(at, staffNo),
    setSecret: (staffNo: string, hash: string, at: number): AccountRow | undefined =>
      setSecret.get(hash, at, staffNo),
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
