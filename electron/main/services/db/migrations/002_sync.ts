import type { Migration } from '../../../../../server-common/db';

/**
 * Sync engine state: device credentials and the pull cursor (key/value), the local mirror of
 * central stages with the change seq each came from, and the log of supervisor and clerk
 * decisions on dead letters and conflicts. Indexes the outbox for the per-application order check.
 */
export const migration002Sync: Migration = {
  version: 2,
  name: 'sync',
  up: `
    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE sync_mirror (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      central_no TEXT NOT NULL,
      stage TEXT NOT NULL,
      stage_index INTEGER NOT NULL,
      stage_count INTEGER NOT NULL,
      stage_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      payload_hash TEXT NOT NULL,
      seq INTEGER NOT NULL                  -- the change this row came from: never goes back
    ) WITHOUT ROWID;

    CREATE TABLE sync_resolutions (
      id INTEGER PRIMARY KEY,
      outbox_seq INTEGER NOT NULL REFERENCES outbox(seq),
      action TEXT NOT NULL CHECK (action IN ('resend','discard','keep_central','send_local')),
      actor TEXT NOT NULL,
      reason TEXT,                          -- typed by a supervisor: shown, never logged
      old_op_id TEXT NOT NULL,              -- the operation as it was when decided on
      new_op_id TEXT,                       -- the resent operation, if any
      at INTEGER NOT NULL
    );
    CREATE INDEX sync_resolutions_outbox ON sync_resolutions(outbox_seq);

    -- The engine reads pending operations in seq order; this keeps that a range scan.
    CREATE INDEX outbox_state_seq ON outbox(state, seq);
  `,
};
