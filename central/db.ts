import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type CentralDb = Database.Database;

const SCHEMA_VERSION = 1;

/** The reference central system's own schema; it has nothing in common with the console's. */
const SCHEMA = `
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
`;

/** Opens (creating if needed) the central database: WAL, synchronous FULL, foreign keys. */
export function openCentralDb(file: string): CentralDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // better-sqlite3 leaves WAL databases at NORMAL, which can lose a commit on power loss; an
  // answer the central side has given must survive.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `central database schema ${version} is newer than this code (${SCHEMA_VERSION})`,
    );
  }
  if (version === 0) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}
