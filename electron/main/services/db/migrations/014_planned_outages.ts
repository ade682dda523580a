import type { Migration } from '../../../../../server-common/db';

/**
 * Issue 17: planned outages central published for the hall's area, as last pulled (each pull
 * replaces the set). What is affected and the customer notice are free text, sealed together in
 * `texts`. Self-contained: nothing here touches another area's table.
 */
export const migration014PlannedOutages: Migration = {
  version: 14,
  name: 'planned_outages',
  up: `
    CREATE TABLE planned_outages (
      id TEXT PRIMARY KEY,
      area TEXT NOT NULL,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      texts TEXT NOT NULL,
      published_at INTEGER NOT NULL,
      pulled_at INTEGER NOT NULL
    );
    CREATE INDEX planned_outages_ends ON planned_outages(ends_at);
  `,
};
