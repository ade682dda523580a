import type { PostgresMigration } from './types';

/**
 * PostgreSQL twin of ../006_appointments.ts (the same tables; millisecond times are BIGINT in
 * both). The CHECK on `booked` is the backstop of the guarded count in bookings.ts.
 */
export const pgMigration006Appointments: PostgresMigration = {
  version: 6,
  name: 'appointments',
  up: `
    CREATE TABLE appt_slots (
      id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      day TEXT NOT NULL,
      service_code TEXT NOT NULL,
      start_min INTEGER NOT NULL,
      end_min INTEGER NOT NULL,
      capacity INTEGER NOT NULL,
      booked INTEGER NOT NULL DEFAULT 0,
      updated_at BIGINT NOT NULL,
      CHECK (booked >= 0 AND booked <= capacity),
      UNIQUE (hall_code, day, service_code, start_min)
    );

    CREATE TABLE appt_bookings (
      id TEXT PRIMARY KEY,
      hall_code TEXT NOT NULL,
      slot_id TEXT NOT NULL REFERENCES appt_slots(id),
      day TEXT NOT NULL,
      code TEXT NOT NULL,
      phone_sealed TEXT NOT NULL,
      phone_masked TEXT NOT NULL,
      phone_index TEXT NOT NULL,
      channel TEXT NOT NULL,
      origin_station TEXT NOT NULL,
      request_id TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL,
      late INTEGER NOT NULL DEFAULT 0,
      ticket_id TEXT,
      booked_at BIGINT NOT NULL,
      checked_in_at BIGINT,
      ended_at BIGINT,
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
