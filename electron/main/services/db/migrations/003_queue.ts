import type { Migration } from '../../../../../server-common/db';

/**
 * The station's side of the hall queue (the queue itself lives in the hall's shared store, see
 * docs/queue.md): tickets issued while the shared queue could not be reached, waiting to be
 * merged; the guide's self-service checklists; and the station's own settings (role, kiosk
 * idle time, kiosk reading content, the last queue configuration seen, the counter's ticket).
 */
export const migration003Queue: Migration = {
  version: 3,
  name: 'queue',
  up: `
    CREATE TABLE queue_offline_tickets (
      id TEXT PRIMARY KEY,                  -- UUIDv7, the idempotency key when merged
      number TEXT NOT NULL UNIQUE,          -- <station>-<prefix><seq>, e.g. G01-A001
      day TEXT NOT NULL,                    -- hall day, YYYY-MM-DD
      prefix TEXT NOT NULL,
      seq INTEGER NOT NULL,
      service_code TEXT NOT NULL,
      priority TEXT NOT NULL,
      channel TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','merged','void')),
      merged_at INTEGER,
      last_error TEXT,                      -- status code or error class only
      UNIQUE (day, prefix, seq)
    );
    CREATE INDEX queue_offline_pending ON queue_offline_tickets(state, issued_at);

    CREATE TABLE guide_checklists (
      id TEXT PRIMARY KEY,
      customer TEXT NOT NULL,               -- how the guide tells customers apart, no ID numbers
      ticket_number TEXT,
      steps_json TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      guide TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX guide_checklists_updated ON guide_checklists(updated_at);

    CREATE TABLE station_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL                   -- JSON
    ) WITHOUT ROWID;
  `,
};
