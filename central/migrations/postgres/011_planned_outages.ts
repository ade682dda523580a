import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../011_planned_outages.ts (the same tables: text and BIGINT columns only). */
export const pgMigration011PlannedOutages: PostgresMigration = {
  version: 11,
  name: 'planned_outages',
  up: `
    CREATE TABLE hall_areas (
      hall_code TEXT PRIMARY KEY,
      district_code TEXT NOT NULL,
      district_name TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    );

    CREATE TABLE planned_outages (
      outage_id TEXT PRIMARY KEY,
      area TEXT NOT NULL,
      starts_at BIGINT NOT NULL,
      ends_at BIGINT NOT NULL,
      body TEXT NOT NULL,
      published_at BIGINT NOT NULL
    );
    CREATE INDEX planned_outages_area ON planned_outages(area, ends_at);
  `,
};
