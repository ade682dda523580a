import type { Migration } from '../../server-common/db';

/**
 * Issue 17: planned outages central publishes for an area (a district's GB/T 2260 code or its
 * name), and the area each hall is in, so a station pulls only its own area's outages.
 * Portable SQL: TEXT / BIGINT only, nothing SQLite-only.
 */
export const migration011PlannedOutages: Migration = {
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
