import type { Migration } from '../../server-common/db';

/**
 * Devices and their tokens, the idempotency record of every operation, the applications with
 * their central numbers and stages, and the change feed the consoles pull.
 */
export const migration001Ledger: Migration = {
  version: 1,
  name: 'ledger',
  up: `
    CREATE TABLE devices (
      device_id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      station_code TEXT NOT NULL,
      installation_id TEXT NOT NULL,
      device_name TEXT,
      refresh_hash TEXT NOT NULL,
      revoked INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      UNIQUE (hall_code, station_code, installation_id)
    );
    CREATE TABLE tokens (
      token_hash TEXT PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(device_id),
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX tokens_device ON tokens(device_id);

    -- One row per (device, op id): the idempotency record with the first answer.
    CREATE TABLE ops (
      device_id TEXT NOT NULL,
      op_id TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      application_id TEXT,
      result TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (device_id, op_id)
    ) WITHOUT ROWID;

    CREATE TABLE applications (
      application_id TEXT PRIMARY KEY,
      central_no TEXT NOT NULL UNIQUE,
      hall_code TEXT NOT NULL,
      station_code TEXT NOT NULL,
      device_id TEXT NOT NULL,
      type_code TEXT NOT NULL,
      account_kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_op_id TEXT NOT NULL,
      stages TEXT NOT NULL,
      stage_index INTEGER NOT NULL,
      stage_at INTEGER NOT NULL,
      accepted_at TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX applications_open ON applications(stage_index);

    -- Per hall and day, for central application numbers.
    CREATE TABLE number_counters (
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (hall_code, day)
    ) WITHOUT ROWID;

    -- The change feed. AUTOINCREMENT so a seq is never reused, even after deletes.
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      application_id TEXT NOT NULL,
      hall_code TEXT NOT NULL,
      central_no TEXT NOT NULL,
      stage TEXT NOT NULL,
      stage_index INTEGER NOT NULL,
      stage_count INTEGER NOT NULL,
      stage_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      payload_hash TEXT NOT NULL
    );
    CREATE INDEX changes_hall_seq ON changes(hall_code, seq);

    -- Operations that arrived for an application out of the order they were made in (by op id,
    -- which is a UUIDv7): the fault test asserts this stays empty.
    CREATE TABLE order_violations (
      application_id TEXT NOT NULL,
      op_id TEXT NOT NULL,
      after_op_id TEXT NOT NULL
    );
  `,
};
