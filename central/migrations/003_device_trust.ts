import type { Migration } from '../../server-common/db';

/**
 * Device trust: one-time enrolment codes an admin issues per station (only their hash is kept),
 * the role a device was enrolled for, and the latest audit-trail tail each device reported with
 * its pushes, plus the tails central refused (a trail cut short or rewritten on a station).
 */
export const migration003DeviceTrust: Migration = {
  version: 3,
  name: 'device_trust',
  up: `
    CREATE TABLE enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      station_code TEXT NOT NULL,
      role TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      used_at INTEGER,
      used_by TEXT
    ) WITHOUT ROWID;

    ALTER TABLE devices ADD COLUMN role TEXT NOT NULL DEFAULT 'staff';

    CREATE TABLE audit_tails (
      device_id TEXT PRIMARY KEY REFERENCES devices(device_id),
      last_id INTEGER NOT NULL,
      last_hash TEXT NOT NULL,
      reported_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE audit_tail_refusals (
      id INTEGER PRIMARY KEY,
      device_id TEXT NOT NULL,
      reason TEXT NOT NULL,                 -- 'backwards' or 'rewritten'
      known_id INTEGER NOT NULL,
      reported_id INTEGER NOT NULL,
      at INTEGER NOT NULL
    );
  `,
};
