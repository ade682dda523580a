import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../003_device_trust.ts. */
export const pgMigration003DeviceTrust: PostgresMigration = {
  version: 3,
  name: 'device_trust',
  up: `
    CREATE TABLE enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      station_code TEXT NOT NULL,
      role TEXT NOT NULL,
      expires_at BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      used_at BIGINT,
      used_by TEXT
    );

    ALTER TABLE devices ADD COLUMN role TEXT NOT NULL DEFAULT 'staff';

    CREATE TABLE audit_tails (
      device_id TEXT PRIMARY KEY REFERENCES devices(device_id),
      last_id BIGINT NOT NULL,
      last_hash TEXT NOT NULL,
      reported_at BIGINT NOT NULL
    );

    CREATE TABLE audit_tail_refusals (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      device_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      known_id BIGINT NOT NULL,
      reported_id BIGINT NOT NULL,
      at BIGINT NOT NULL
    );
  `,
};
