import type { Migration } from '../../server-common/db';

/**
 * Issue 15: the hall's customers at central, synced from every station of the hall. One
 * customer per hall and certificate: `cert_bidx` is central's own blind index of the normalised
 * number (stations' indexes use their own keys), so the same certificate sent by two stations
 * under two station ids is one row. The certificate number, name and contact details are sealed
 * in `body` (central's hub keys); a tag's reason and every change in the history likewise.
 * `seq` orders the hall's changes for the stations' pull (last writer by central order wins);
 * the history (`hall_customer_events`) is append-only and keeps every change, never overwritten.
 * Portable SQL: TEXT / BIGINT only, nothing SQLite-only (twin: postgres/009_customers.ts).
 */
export const migration009Customers: Migration = {
  version: 9,
  name: 'customers',
  up: `
    CREATE TABLE hall_customers (
      customer_id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      cert_type TEXT NOT NULL,
      cert_bidx TEXT NOT NULL,
      kind TEXT NOT NULL,
      body TEXT NOT NULL,
      manager TEXT,
      manager_set_by TEXT,
      merged_into TEXT,
      seq BIGINT NOT NULL,
      UNIQUE (hall_code, cert_type, cert_bidx)
    );
    CREATE INDEX hall_customers_feed ON hall_customers(hall_code, seq);

    CREATE TABLE hall_customer_tags (
      customer_id TEXT NOT NULL,
      tag TEXT NOT NULL,
      reason TEXT NOT NULL,
      label TEXT,
      set_by TEXT NOT NULL,
      set_at BIGINT NOT NULL,
      PRIMARY KEY (customer_id, tag)
    );

    CREATE TABLE hall_customer_events (
      seq BIGINT PRIMARY KEY,
      customer_id TEXT NOT NULL,
      hall_code TEXT NOT NULL,
      device_id TEXT NOT NULL,
      station_code TEXT NOT NULL,
      at BIGINT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      changes TEXT NOT NULL
    );
    CREATE INDEX hall_customer_events_customer ON hall_customer_events(customer_id, seq);
  `,
};
