import type { Migration } from '../../server-common/db';

/**
 * Hall hubs enrol their stations with the stations' own central codes (docs/topology.md):
 * - a code is spent once at central (`used_at`) and once, vouched for, at its hall's hub
 *   (`hub_used_at`, `hub_used_by` = the hub's device id at central);
 * - a hub keeps its own link to central (installation id, device id, sealed refresh token).
 */
export const migration004HubVouching: Migration = {
  version: 4,
  name: 'hub_vouching',
  up: `
    ALTER TABLE enrolment_codes ADD COLUMN hub_used_at INTEGER;
    ALTER TABLE enrolment_codes ADD COLUMN hub_used_by TEXT;

    CREATE TABLE hub_central_link (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL                   -- refresh_token sealed with the hub's key
    ) WITHOUT ROWID;
  `,
};
