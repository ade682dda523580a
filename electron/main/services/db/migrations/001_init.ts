import type { Migration } from '../../../../../server-common/db';

/**
 * Applications with their append-only history, the per-station daily application-number
 * counter, and the transactional outbox the sync engine drains.
 */
export const migration001Init: Migration = {
  version: 1,
  name: 'init',
  up: `
    CREATE TABLE applications (
      id TEXT PRIMARY KEY,                   -- client UUIDv7
      app_no TEXT,                           -- assigned on submit, NULL while a draft; unique
      type_code TEXT NOT NULL,
      family TEXT NOT NULL,
      account_kind TEXT NOT NULL CHECK (account_kind IN ('lv_resident','lv_business','hv')),
      state TEXT NOT NULL CHECK (state IN
        ('draft','ready','queued','sent','acknowledged','rejected','conflict')),
      -- search columns, copied from the fields on every write (normalised, may be '')
      applicant_name TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      id_number TEXT NOT NULL DEFAULT '',
      credit_code TEXT NOT NULL DEFAULT '',
      account_no TEXT NOT NULL DEFAULT '',
      fields_json TEXT NOT NULL,
      papers_json TEXT NOT NULL,
      catalogue_version TEXT NOT NULL,
      clerk TEXT NOT NULL,
      ticket_id TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at INTEGER NOT NULL,           -- epoch ms
      updated_at INTEGER NOT NULL,
      accepted_at INTEGER,                   -- the counter's clock: legal start of the deadline
      deadline_at INTEGER,
      central_no TEXT,
      central_stage TEXT
    );
    -- A named unique index (not a column constraint) so search can name it in INDEXED BY.
    CREATE UNIQUE INDEX applications_app_no ON applications(app_no);
    -- Newest-first listing, alone or under a type / state filter.
    CREATE INDEX applications_created ON applications(created_at);
    CREATE INDEX applications_state_created ON applications(state, created_at);
    CREATE INDEX applications_type_created ON applications(type_code, created_at);
    -- Prefix search: range scans (col >= q AND col < q+1); created_at makes the sort key covered.
    CREATE INDEX applications_name_search ON applications(applicant_name, created_at);
    CREATE INDEX applications_mobile_search ON applications(mobile, created_at);
    CREATE INDEX applications_id_number_search ON applications(id_number, created_at);
    CREATE INDEX applications_credit_code_search ON applications(credit_code, created_at);
    CREATE INDEX applications_account_no_search ON applications(account_no, created_at);

    CREATE TABLE application_history (
      id INTEGER PRIMARY KEY,
      application_id TEXT NOT NULL REFERENCES applications(id),
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      changes_json TEXT NOT NULL             -- {key: {from, to}} with personal values masked
    );
    CREATE INDEX application_history_app ON application_history(application_id, id);
    CREATE TRIGGER application_history_no_update BEFORE UPDATE ON application_history
      BEGIN SELECT RAISE(ABORT, 'application_history is append-only'); END;
    CREATE TRIGGER application_history_no_delete BEFORE DELETE ON application_history
      BEGIN SELECT RAISE(ABORT, 'application_history is append-only'); END;

    -- Application numbers: one sequence per station per hall day (yyyymmdd, Asia/Shanghai).
    CREATE TABLE app_no_counter (
      station_code TEXT NOT NULL,
      day TEXT NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (station_code, day)
    ) WITHOUT ROWID;

    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,            -- UUIDv7, the idempotency key
      application_id TEXT NOT NULL REFERENCES applications(id),
      kind TEXT NOT NULL,                    -- 'application.submit'
      payload TEXT NOT NULL,                 -- JSON of ApplicationSubmitPayload
      payload_hash TEXT NOT NULL,            -- sha256 hex of payload
      created_at INTEGER NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending','acked','dead','conflict','discarded')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      acked_at INTEGER,
      response TEXT
    );
    CREATE INDEX outbox_pending ON outbox(state, next_attempt_at, seq);
    CREATE INDEX outbox_app ON outbox(application_id, seq);
  `,
};
