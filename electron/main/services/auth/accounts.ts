import { prepared, type Database } from '../db';
import type { Account, StaffRole } from '../../../../shared/auth/schemas';
import { toHallIso } from '../../../../shared/hall-time';

export const MAX_FAILED_ATTEMPTS = 5;
/** The first lockout lasts 15 minutes; each further one (without a sign-in between) doubles. */
export const LOCKOUT_BASE_MS = 15 * 60_000;
/** Doubling stops at 2^6 × 15 minutes = 16 hours, so a lock always ends within a day. */
export const LOCKOUT_MAX_DOUBLINGS = 6;

export interface AccountRow {
  staff_no: string;
  name: string;
  role: StaffRole;
  secret_hash: string;
  failed_attempts: number;
  locked_at: number | null;
  locked_until: number | null;
  lockouts: number;
  disabled_at: number | null;
  recovery_hash: string | null;
  created_at: number;
  updated_at: number;
}

/** A new account's row: never failed, locked or disabled. */
export const freshAccountRow = (a: {
  staffNo: string;
  name: string;
  role: StaffRole;
  secretHash: string;
  recoveryHash?: string | null;
  at: number;
}): AccountRow => ({
  staff_no: a.staffNo,
  name: a.name,
  role: a.role,
  secret_hash: a.secretHash,
  failed_attempts: 0,
  locked_at: null,
  locked_until: null,
  lockouts: 0,
  disabled_at: null,
  recovery_hash: a.recoveryHash ?? null,
  created_at: a.at,
  updated_at: a.at,
});

/** Locked right now: a timed lock that has not run out yet. */
export const isLocked = (row: Pick<AccountRow, 'locked_until'>, at: number): boolean =>
  row.locked_until !== null && row.locked_until > at;

export const toAccount = (row: AccountRow, at: number): Account => ({
  staffNo: row.staff_no,
  name: row.name,
  role: row.role,
  locked: isLocked(row, at),
  lockedUntil: isLocked(row, at) ? toHallIso(row.locked_until as number) : null,
  disabled: row.disabled_at !== null,
  failedAttempts: row.failed_attempts,
  createdAt: toHallIso(row.created_at),
});

/**
 * Statements over staff_accounts. Staff numbers are looked up without regard to case (the
 * unique index on lower(staff_no) makes that one row at most); every write after a look-up uses
 * the stored spelling.
 */
export function createAccountStore(db: Database) {
  const byNo = prepared<[string], AccountRow>(
    db,
    'SELECT * FROM staff_accounts WHERE lower(staff_no) = lower(?)',
  );
  const all = prepared<[], AccountRow>(db, 'SELECT * FROM staff_accounts ORDER BY staff_no');
  const count = prepared<[], number>(db, 'SELECT count(*) FROM staff_accounts').pluck();
  const activeSupervisors = prepared<[], number>(
    db,
    "SELECT count(*) FROM staff_accounts WHERE role = 'supervisor' AND disabled_at IS NULL",
  ).pluck();
  const insert = prepared<[AccountRow]>(
    db,
    `
    INSERT INTO staff_accounts (staff_no, name, role, secret_hash, failed_attempts, locked_at,
      locked_until, lockouts, disabled_at, recovery_hash, created_at, updated_at)
    VALUES (@staff_no, @name, @role, @secret_hash, @failed_attempts, @locked_at, @locked_until,
      @lockouts, @disabled_at, @recovery_hash, @created_at, @updated_at)`,
  );
  // The 5th failure locks in the same statement that counts it, so parallel attempts cannot slip
  // past it; the lock's length doubles with the lockouts since the last good sign-in. Failures
  // while locked are not counted (they would only lengthen the lock).
  const fail = prepared<
    [{ max: number; base: number; cap: number; at: number; staffNo: string }],
    AccountRow
  >(
    db,
    `
    UPDATE staff_accounts SET
      failed_attempts = CASE WHEN failed_attempts + 1 >= @max THEN 0 ELSE failed_attempts + 1 END,
      locked_at = CASE WHEN failed_attempts + 1 >= @max THEN @at ELSE locked_at END,
      locked_until = CASE WHEN failed_attempts + 1 >= @max
        THEN @at + @base * (1 << min(lockouts, @cap)) ELSE locked_until END,
      lockouts = CASE WHEN failed_attempts + 1 >= @max THEN lockouts + 1 ELSE lockouts END,
      updated_at = @at
    WHERE staff_no = @staffNo AND (locked_until IS NULL OR locked_until <= @at)
    RETURNING *`,
  );
  const succeed = prepared<[number, string]>(
    db,
    `
    UPDATE staff_accounts SET failed_attempts = 0, lockouts = 0, locked_at = NULL,
      locked_until = NULL, updated_at = ? WHERE staff_no = ?`,
  );
  const unlock = prepared<[number, string], AccountRow>(
    db,
    `
    UPDATE staff_accounts SET failed_attempts = 0, locked_at = NULL, locked_until = NULL,
      updated_at = ? WHERE staff_no = ? RETURNING *`,
  );
  const setSecret = prepared<[string, number, string], AccountRow>(
    db,
    `
    UPDATE staff_accounts SET secret_hash = ?, failed_attempts = 0, locked_at = NULL,
      locked_until = NULL, updated_at = ? WHERE staff_no = ? RETURNING *`,
  );
  const setRecovery = prepared<[string, number, string]>(
    db,
    'UPDATE staff_accounts SET recovery_hash = ?, updated_at = ? WHERE staff_no = ?',
  );
  const setDisabled = prepared<[number | null, number, string], AccountRow>(
    db,
    'UPDATE staff_accounts SET disabled_at = ?, updated_at = ? WHERE staff_no = ? RETURNING *',
  );
  const setRole = prepared<[StaffRole, number, string], AccountRow>(
    db,
    'UPDATE staff_accounts SET role = ?, updated_at = ? WHERE staff_no = ? RETURNING *',
  );

  return {
    find: (staffNo: string): AccountRow | undefined => byNo.get(staffNo),
    list: (): AccountRow[] => all.all(),
    count: (): number => count.get() as number,
    activeSupervisors: (): number => activeSupervisors.get() as number,
    insert: (row: AccountRow): void => void insert.run(row),
    /** Counts a failure; undefined when the account is locked already (nothing counted). */
    recordFailure: (staffNo: string, at: number): AccountRow | undefined =>
      fail.get({
        max: MAX_FAILED_ATTEMPTS,
        base: LOCKOUT_BASE_MS,
        cap: LOCKOUT_MAX_DOUBLINGS,
        at,
        staffNo,
      }),
    recordSuccess: (staffNo: string, at: number): void => void succeed.run(at, staffNo),
    unlock: (staffNo: string, at: number): AccountRow | undefined => unlock.get(at, staffNo),
    setSecret: (staffNo: string, hash: string, at: number): AccountRow | undefined =>
      setSecret.get(hash, at, staffNo),
    setRecovery: (staffNo: string, hash: string, at: number): void =>
      void setRecovery.run(hash, at, staffNo),
    setDisabled: (staffNo: string, disabledAt: number | null, at: number): AccountRow | undefined =>
      setDisabled.get(disabledAt, at, staffNo),
    setRole: (staffNo: string, role: StaffRole, at: number): AccountRow | undefined =>
      setRole.get(role, at, staffNo),
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
