import type { Migration } from '../../server-common/db';

/**
 * The hall's shared ticket queue: configuration, daily numbers, tickets, their events and the
 * customers' ratings; and an index so a kiosk look-up by the counter's application number is an
 * index seek.
 *
 * IF NOT EXISTS throughout: before central had numbered migrations, the queue store created
 * these at start-up on databases left at version 1, so a database from then already has them.
 */
export const migration002Queue: Migration = {
  version: 2,
  name: 'queue',
  up: `
    CREATE TABLE IF NOT EXISTS queue_config (
      hall_code TEXT PRIMARY KEY,
      config TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- The daily number per hall and prefix: reset by being keyed on the hall day.
    CREATE TABLE IF NOT EXISTS queue_numbers (
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      prefix TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (hall_code, day, prefix)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS queue_tickets (
      id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,                       -- hall day, YYYY-MM-DD
      number TEXT NOT NULL,
      seq INTEGER,                             -- the daily number; NULL for offline and transfer rows
      service_code TEXT NOT NULL,
      priority TEXT NOT NULL,
      weight INTEGER NOT NULL,
      channel TEXT NOT NULL,
      origin_station TEXT NOT NULL,
      offline INTEGER NOT NULL DEFAULT 0,
      issued_at INTEGER NOT NULL,              -- when the customer got the number
      queued_at INTEGER NOT NULL,              -- when this row started waiting (a transfer: then)
      arrival_at INTEGER NOT NULL,             -- ordering key, kept through a transfer
      state TEXT NOT NULL CHECK (state IN
        ('issued','called','serving','done','no_show','cancelled','transferred')),
      counter TEXT,
      called_at INTEGER,
      call_count INTEGER NOT NULL DEFAULT 0,
      call_request TEXT,
      serving_at INTEGER,
      finished_at INTEGER,
      services_done TEXT NOT NULL DEFAULT '[]',
      application_ids TEXT NOT NULL DEFAULT '[]',
      transferred_from TEXT REFERENCES queue_tickets(id),
      kiosk_draft TEXT,                        -- personal data: returned to a counter only
      kiosk_application_id TEXT
    );
    CREATE INDEX IF NOT EXISTS queue_waiting
      ON queue_tickets(hall_code, day, state, service_code, weight DESC, arrival_at);
    CREATE INDEX IF NOT EXISTS queue_number ON queue_tickets(hall_code, day, number);
    CREATE UNIQUE INDEX IF NOT EXISTS queue_counter_active
      ON queue_tickets(hall_code, counter) WHERE state IN ('called','serving');
    CREATE UNIQUE INDEX IF NOT EXISTS queue_call_request
      ON queue_tickets(call_request) WHERE call_request IS NOT NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS queue_daily_number
      ON queue_tickets(hall_code, day, service_code, seq) WHERE seq IS NOT NULL;

    CREATE TABLE IF NOT EXISTS queue_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      hall_code TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
      kind TEXT NOT NULL,
      counter TEXT,
      at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS queue_events_kind ON queue_events(hall_code, kind, id);

    CREATE TABLE IF NOT EXISTS queue_ratings (
      ticket_id TEXT PRIMARY KEY REFERENCES queue_tickets(id),
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      rating TEXT NOT NULL CHECK (rating IN ('very_satisfied','satisfied','dissatisfied')),
      attitude INTEGER,
      quality INTEGER,
      efficiency INTEGER,
      at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS queue_ratings_day ON queue_ratings(hall_code, day);

    CREATE INDEX IF NOT EXISTS applications_counter_no
      ON applications(json_extract(payload, '$.appNo'));
  `,
};
