import type { PostgresMigration } from './types';

/**
 * PostgreSQL twin of ../002_queue.ts. SQLite's implicit `rowid` (the tie-break of the calling
 * order) is an explicit identity column here; the kiosk look-up's index is on the JSON text's
 * `appNo` member.
 */
export const pgMigration002Queue: PostgresMigration = {
  version: 2,
  name: 'queue',
  up: `
    CREATE TABLE queue_config (
      hall_code TEXT PRIMARY KEY,
      config TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    );

    CREATE TABLE queue_numbers (
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      prefix TEXT NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (hall_code, day, prefix)
    );

    CREATE TABLE queue_tickets (
      id TEXT PRIMARY KEY,
      rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      number TEXT NOT NULL,
      seq INTEGER,
      service_code TEXT NOT NULL,
      priority TEXT NOT NULL,
      weight INTEGER NOT NULL,
      channel TEXT NOT NULL,
      origin_station TEXT NOT NULL,
      offline INTEGER NOT NULL DEFAULT 0,
      issued_at BIGINT NOT NULL,
      queued_at BIGINT NOT NULL,
      arrival_at BIGINT NOT NULL,
      state TEXT NOT NULL CHECK (state IN
        ('issued','called','serving','done','no_show','cancelled','transferred')),
      counter TEXT,
      called_at BIGINT,
      call_count INTEGER NOT NULL DEFAULT 0,
      call_request TEXT,
      serving_at BIGINT,
      finished_at BIGINT,
      services_done TEXT NOT NULL DEFAULT '[]',
      application_ids TEXT NOT NULL DEFAULT '[]',
      transferred_from TEXT REFERENCES queue_tickets(id),
      kiosk_draft TEXT,
      kiosk_application_id TEXT
    );
    CREATE INDEX queue_waiting
      ON queue_tickets(hall_code, day, state, service_code, weight DESC, arrival_at);
    CREATE INDEX queue_number ON queue_tickets(hall_code, day, number);
    CREATE UNIQUE INDEX queue_counter_active
      ON queue_tickets(hall_code, counter) WHERE state IN ('called','serving');
    CREATE UNIQUE INDEX queue_call_request
      ON queue_tickets(call_request) WHERE call_request IS NOT NULL;
    CREATE UNIQUE INDEX queue_daily_number
      ON queue_tickets(hall_code, day, service_code, seq) WHERE seq IS NOT NULL;

    CREATE TABLE queue_events (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      hall_code TEXT NOT NULL,
      ticket_id TEXT NOT NULL REFERENCES queue_tickets(id),
      kind TEXT NOT NULL,
      counter TEXT,
      at BIGINT NOT NULL
    );
    CREATE INDEX queue_events_kind ON queue_events(hall_code, kind, id);

    CREATE TABLE queue_ratings (
      ticket_id TEXT PRIMARY KEY REFERENCES queue_tickets(id),
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      rating TEXT NOT NULL CHECK (rating IN ('very_satisfied','satisfied','dissatisfied')),
      attitude INTEGER,
      quality INTEGER,
      efficiency INTEGER,
      at BIGINT NOT NULL
    );
    CREATE INDEX queue_ratings_day ON queue_ratings(hall_code, day);

    CREATE INDEX applications_counter_no ON applications(((payload::json) ->> 'appNo'));
  `,
};
