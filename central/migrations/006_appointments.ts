import type { Migration } from '../../server-common/db';

/**
 * Appointments (预约, docs/appointments.md): slots per queue service and hall day with a
 * capacity, bookings with a code and the customer's phone (sealed, masked copy, blind index),
 * and each hall's time rules. Portable SQL (TEXT/INTEGER, no AUTOINCREMENT, no SQLite-only
 * functions): central also runs on PostgreSQL.
 */
export const migration006Appointments: Migration = {
  version: 6,
  name: 'appointments',
  up: `
    CREATE TABLE appt_slots (
      id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,                       -- hall day YYYY-MM-DD
      service_code TEXT NOT NULL,
      start_min INTEGER NOT NULL,              -- minutes after hall midnight
      end_min INTEGER NOT NULL,
      capacity INTEGER NOT NULL,
      booked INTEGER NOT NULL DEFAULT 0,       -- active bookings, kept in the booking transaction
      updated_at BIGINT NOT NULL,
      CHECK (booked >= 0 AND booked <= capacity),
      UNIQUE (hall_code, day, service_code, start_min)
    );

    CREATE TABLE appt_bookings (
      id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      slot_id TEXT NOT NULL REFERENCES appt_slots(id),
      day TEXT NOT NULL,
      code TEXT NOT NULL,                      -- six digits, one per hall and day
      phone_sealed TEXT NOT NULL,              -- AES-256-GCM with the hub's keys
      phone_masked TEXT NOT NULL,
      phone_index TEXT NOT NULL,               -- HMAC blind index of the whole number
      channel TEXT NOT NULL,                   -- counter, guide, kiosk, online
      origin_station TEXT NOT NULL,
      request_id TEXT NOT NULL UNIQUE,         -- the booking client's id: a retry gets this row
      state TEXT NOT NULL,                     -- booked, checked_in, cancelled, no_show
      late INTEGER NOT NULL DEFAULT 0,
      ticket_id TEXT,
      booked_at BIGINT NOT NULL,
      checked_in_at BIGINT,
      ended_at BIGINT,                         -- cancelled or marked no-show
      UNIQUE (hall_code, day, code)
    );
    CREATE INDEX appt_bookings_day ON appt_bookings (hall_code, day, state);
    CREATE INDEX appt_bookings_slot ON appt_bookings (slot_id);

    CREATE TABLE appt_settings (
      hall_code TEXT PRIMARY KEY,
      grace_minutes INTEGER NOT NULL,
      book_ahead_days INTEGER NOT NULL,
      updated_at BIGINT NOT NULL
    );
  `,
};
