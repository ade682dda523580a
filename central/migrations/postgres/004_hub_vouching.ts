import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../004_hub_vouching.ts. */
export const pgMigration004HubVouching: PostgresMigration = {
  version: 4,
  name: 'hub_vouching',
  up: `
    ALTER TABLE enrolment_codes ADD COLUMN hub_used_at BIGINT;
    ALTER TABLE enrolment_codes ADD COLUMN hub_used_by TEXT;

    CREATE TABLE hub_central_link (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
