import type { Migration } from '../../../../../server-common/db';

/**
 * Issue 17: hall alerts (红橙黄 for the whole hall) and the requests beside applications
 * (故障报修, 信息订阅, 咨询). Alerts: raised here or pulled from central (its area alerts and
 * those of the hall's other stations); only their end changes afterwards. Their texts are free
 * text, sealed in one JSON column. Requests: everything typed (phone, 户号, address, answer) is
 * sealed in `details`; masked copies and the phone's blind index sit beside it for lists and,
 * later, the customer record's timeline. A subscription's consent and its withdrawal are
 * columns of its row: who, when, how, and which statement was read.
 *
 * Their operations travel in the same outbox as applications, so `outbox.application_id`
 * becomes the id of the record an operation belongs to and loses its reference to
 * `applications`. SQLite cannot drop a constraint, so the outbox is rebuilt in this step's
 * transaction (foreign keys stay on): the dead-letter decisions that reference it are kept in a
 * temporary copy while it is rebuilt, every row keeps its seq, and the indexes come back.
 */
export const migration011HallRecords: Migration = {
  version: 11,
  name: 'hall_records',
  up: `
    CREATE TEMP TABLE keep_resolutions AS SELECT * FROM sync_resolutions;
    DROP TABLE sync_resolutions;
    DROP INDEX outbox_pending;
    DROP INDEX outbox_app;
    DROP INDEX outbox_state_seq;
    ALTER TABLE outbox RENAME TO outbox_before_v10;
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,            -- UUIDv7, the idempotency key
      application_id TEXT NOT NULL,          -- the application, request or alert it belongs to
      kind TEXT NOT NULL,                    -- shared/sync/protocol.ts SYNC_OP_KINDS
      payload TEXT NOT NULL,                 -- canonical JSON, sealed
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
    INSERT INTO outbox SELECT * FROM outbox_before_v10;
    DROP TABLE outbox_before_v10;
    CREATE INDEX outbox_pending ON outbox(state, next_attempt_at, seq);
    CREATE INDEX outbox_app ON outbox(application_id, seq);
    CREATE INDEX outbox_state_seq ON outbox(state, seq);
    CREATE TABLE sync_resolutions (
      id INTEGER PRIMARY KEY,
      outbox_seq INTEGER NOT NULL REFERENCES outbox(seq),
      action TEXT NOT NULL CHECK (action IN ('resend','discard','keep_central','send_local')),
      actor TEXT NOT NULL,
      reason TEXT,
      old_op_id TEXT NOT NULL,
      new_op_id TEXT,
      at INTEGER NOT NULL
    );
    INSERT INTO sync_resolutions SELECT * FROM keep_resolutions;
    DROP TABLE keep_resolutions;
    CREATE INDEX sync_resolutions_outbox ON sync_resolutions(outbox_seq);

    CREATE TABLE hall_alerts (
      id TEXT PRIMARY KEY,
      origin TEXT NOT NULL CHECK (origin IN ('hall', 'central')),
      area TEXT,
      level TEXT NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
      texts TEXT NOT NULL,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      raised_by TEXT NOT NULL,
      ended_at INTEGER,
      ended_by TEXT,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX hall_alerts_ends ON hall_alerts(ends_at);

    CREATE TABLE service_requests (
      id TEXT PRIMARY KEY,
      request_no TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('fault', 'subscription', 'enquiry')),
      topic TEXT NOT NULL,
      taken_at INTEGER NOT NULL,
      taken_by TEXT NOT NULL,
      details TEXT NOT NULL,
      phone_masked TEXT NOT NULL DEFAULT '',
      phone_bidx TEXT,
      account_no_masked TEXT NOT NULL DEFAULT '',
      arrive_by INTEGER,
      consent_at INTEGER,
      consent_method TEXT,
      consent_version TEXT,
      withdrawn_at INTEGER,
      withdrawn_by TEXT
    );
    CREATE INDEX service_requests_taken ON service_requests(taken_at);
    CREATE INDEX service_requests_kind ON service_requests(kind, taken_at);
    CREATE INDEX service_requests_phone ON service_requests(phone_bidx) WHERE phone_bidx IS NOT NULL;
  `,
};
