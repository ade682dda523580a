import type { PostgresMigration } from './types';

/**
 * PostgreSQL twin of ../001_ledger.ts: millisecond times are BIGINT, seq an identity column, and
 * one table SQLite does not need: change_counters, the per-hall row a change takes first so the
 * seqs of a hall commit in order (change-feed.ts).
 */
export const pgMigration001Ledger: PostgresMigration = {
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
      created_at BIGINT NOT NULL,
      UNIQUE (hall_code, station_code, installation_id)
    );
    CREATE TABLE tokens (
      token_hash TEXT PRIMARY KEY,
      device_id TEXT NOT NULL REFERENCES devices(device_id),
      expires_at BIGINT NOT NULL
    );
    CREATE INDEX tokens_device ON tokens(device_id);

    CREATE TABLE ops (
      device_id TEXT NOT NULL,
      op_id TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      application_id TEXT,
      result TEXT NOT NULL,
      received_at BIGINT NOT NULL,
      PRIMARY KEY (device_id, op_id)
    );

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
      stage_at BIGINT NOT NULL,
      accepted_at TEXT NOT NULL,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX applications_open ON applications(stage_index);

    CREATE TABLE number_counters (
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (hall_code, day)
    );

    -- An identity never hands out a value twice, like SQLite's AUTOINCREMENT.
    CREATE TABLE changes (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      application_id TEXT NOT NULL,
      hall_code TEXT NOT NULL,
      central_no TEXT NOT NULL,
      stage TEXT NOT NULL,
      stage_index INTEGER NOT NULL,
      stage_count INTEGER NOT NULL,
      stage_at BIGINT NOT NULL,
      version INTEGER NOT NULL,
      payload_hash TEXT NOT NULL
    );
    CREATE INDEX changes_hall_seq ON changes(hall_code, seq);

    CREATE TABLE change_counters (
      hall_code TEXT PRIMARY KEY,
      last BIGINT NOT NULL
    );

    CREATE TABLE order_violations (
      application_id TEXT NOT NULL,
      op_id TEXT NOT NULL,
      after_op_id TEXT NOT NULL
    );
  `,
};
