import type { Migration } from '../../../../../server-common/db';

/**
 * Staff accounts (scrypt hashes, lockout counters), sessions (only the token's sha256 is stored)
 * and the audit trail: append-only by trigger, each row chained to the previous one by hash.
 */
export const migration005Auth: Migration = {
  version: 5,
  name: 'auth',
  up: `
    CREATE TABLE staff_accounts (
      staff_no TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('counter','guide','supervisor')),
      secret_hash TEXT NOT NULL,            -- scrypt$log2N$r$p$salt$hash (base64)
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_at INTEGER,                    -- set on the 5th failure; cleared by a supervisor
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY,          -- sha256 of the token: a stolen file signs no one in
      staff_no TEXT NOT NULL REFERENCES staff_accounts(staff_no),
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      ended_at INTEGER
    ) WITHOUT ROWID;
    CREATE INDEX staff_sessions_staff ON staff_sessions(staff_no);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,                 -- an application id or staff number, never a value
      detail TEXT NOT NULL,                 -- canonical JSON of field keys and counts
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL                    -- sha256(prev_hash || canonical row)
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
};
