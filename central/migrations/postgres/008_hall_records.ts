import type { PostgresMigration } from './types';

/**
 * PostgreSQL twin of ../008_hall_records.ts (the same tables: text and BIGINT columns only).
 * A request's `central_no` key is what keeps two requests of a hall from one number at once.
 */
export const pgMigration008HallRecords: PostgresMigration = {
  version: 8,
  name: 'hall_records',
  up: `
    CREATE TABLE hall_requests (
      record_id TEXT PRIMARY KEY,
      central_no TEXT NOT NULL UNIQUE,
      hall_code TEXT NOT NULL,
      station_code TEXT NOT NULL,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      arrive_by TEXT,
      withdrawn_at TEXT,
      received_at BIGINT NOT NULL
    );
    CREATE INDEX hall_requests_hall ON hall_requests(hall_code, received_at);

    CREATE TABLE hall_alerts (
      alert_id TEXT NOT NULL,
      hall_code TEXT NOT NULL,
      origin TEXT NOT NULL,
      area TEXT,
      body TEXT NOT NULL,
      ends_at BIGINT NOT NULL,
      ended_at BIGINT,
      ended_by TEXT,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (alert_id, hall_code)
    );
    CREATE INDEX hall_alerts_hall ON hall_alerts(hall_code, updated_at);
  `,
};
