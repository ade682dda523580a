import type { PostgresMigration } from './types';

/**
 * PostgreSQL twin of ../009_customers.ts (the same tables: text and BIGINT columns only). Two
 * stations' changes taking the same next `seq` at once: the second meets the events key and
 * the store runs it again; the same certificate sent by two stations at once meets the
 * (hall, type, index) key the same way.
 */
export const pgMigration009Customers: PostgresMigration = {
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
