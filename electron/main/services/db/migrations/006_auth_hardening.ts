import type { Migration } from '../../../../../server-common/db';

/**
 * Sign-in hardening (issue 10, item 6):
 * - timed lockouts: `locked_until` and a `lockouts` count (each further lockout doubles the
 *   wait); a lock left by the old permanent rule becomes a 15-minute lock from when it was set;
 * - `disabled_at`: a supervisor switches an account off (its sessions end);
 * - `recovery_hash`: the scrypt hash of the supervisor's one-time recovery code;
 * - staff numbers unique without regard to case. If two accounts already differ only in case
 *   the step stops with a clear message and changes nothing (the verified backup is there):
 *   renaming one would silently re-attribute its audit rows, so a person must decide which
 *   account stays (docs/security.md says how).
 */
export const migration006AuthHardening: Migration = {
  version: 6,
  name: 'auth_hardening',
  up: `
    CREATE TEMP TABLE staff_no_case_check (n INTEGER);
    CREATE TEMP TRIGGER staff_no_case_check_raise BEFORE INSERT ON staff_no_case_check
      WHEN EXISTS (SELECT 1 FROM main.staff_accounts GROUP BY lower(staff_no) HAVING count(*) > 1)
      BEGIN
        SELECT RAISE(ABORT, 'staff_accounts: staff numbers that differ only in case exist; keep one of each pair (docs/security.md) and start again');
      END;
    INSERT INTO staff_no_case_check VALUES (1);
    DROP TABLE staff_no_case_check;

    CREATE UNIQUE INDEX staff_accounts_staff_no_nocase ON staff_accounts(lower(staff_no));

    ALTER TABLE staff_accounts ADD COLUMN locked_until INTEGER;   -- refused until this time
    ALTER TABLE staff_accounts ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0; -- since last sign-in
    ALTER TABLE staff_accounts ADD COLUMN disabled_at INTEGER;    -- set by a supervisor
    ALTER TABLE staff_accounts ADD COLUMN recovery_hash TEXT;     -- scrypt of the recovery code
    UPDATE staff_accounts SET locked_until = locked_at + 900000, lockouts = 1
      WHERE locked_at IS NOT NULL;

    -- Sweeping expired sessions looks them up by age.
    CREATE INDEX staff_sessions_created ON staff_sessions(created_at);
  `,
};
