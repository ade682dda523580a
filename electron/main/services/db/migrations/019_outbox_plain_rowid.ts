import type { Migration } from '../../../../../server-common/db';

/**
 * The outbox's seq without AUTOINCREMENT: with it, every queued operation also rewrote the
 * outbox's row in sqlite_sequence, one more page in the WAL for each submit to write, fsync and
 * checkpoint. A plain INTEGER PRIMARY KEY takes the largest seq plus one. It could only hand out a
 * number again if the row holding the largest one were deleted, and no outbox row is ever deleted
 * (an acknowledged one stays, state 'acked'; a dead-letter decision in sync_resolutions names its
 * row); so seq still grows with every operation, and the order of operations is the order of seq.
 * The table is rebuilt in the migration's transaction as 011 did: every row keeps its seq, the
 * resolutions that reference it are kept in a temporary copy meanwhile, and the indexes come back.
 * Self-contained: nothing here touches another table's rows.
 */
export const migration019OutboxPlainRowid: Migration = {
  version: 19,
  name: 'outbox_plain_rowid',
  up: `
    CREATE TEMP TABLE keep_resolutions AS SELECT * FROM sync_resolutions;
    DROP TABLE sync_resolutions;
    DROP INDEX outbox_pending;
    DROP INDEX outbox_app;
    DROP INDEX outbox_state_seq;
    ALTER TABLE outbox RENAME TO outbox_before_v19;
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY,               -- never deleted: grows with every operation
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
    INSERT INTO outbox SELECT * FROM outbox_before_v19 ORDER BY seq;
    DROP TABLE outbox_before_v19;
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
  `,
};
