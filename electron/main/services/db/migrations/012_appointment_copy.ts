import type { Migration } from '../../../../../server-common/db';

/**
 * Check-in with the hall hub down (docs/appointments.md): the station keeps the copy of
 * today's and tomorrow's bookings the hub sends. No phone and no code: per day the hub's
 * matching key, sealed with the station's data key, and per booking the slot, the masked
 * phone and the match of phone + code (scrypt under that key). A check-in made from the copy
 * is recorded on its row (the offline ticket, the time, the proof for the replay) until the
 * hub has taken it.
 */
export const migration012AppointmentCopy: Migration = {
  version: 12,
  name: 'appointment_copy',
  up: `
    CREATE TABLE appt_copy_keys (
      day TEXT PRIMARY KEY,                  -- hall day, YYYY-MM-DD
      key_sealed TEXT NOT NULL,              -- the hub's matching key of the day, sealed
      grace_minutes INTEGER NOT NULL,
      received_at INTEGER NOT NULL
    );
    CREATE TABLE appt_copy (
      booking_id TEXT PRIMARY KEY,           -- the hub's booking id
      day TEXT NOT NULL,
      slot_id TEXT NOT NULL,
      service_code TEXT NOT NULL,
      start_min INTEGER NOT NULL,
      end_min INTEGER NOT NULL,
      phone_masked TEXT NOT NULL,
      channel TEXT NOT NULL,
      booked_at INTEGER NOT NULL,
      match TEXT NOT NULL,                   -- scrypt(phone + code) under the day key
      state TEXT NOT NULL CHECK (state IN ('booked','checked_in')),
      received_at INTEGER NOT NULL,
      checkin_ticket_id TEXT,                -- the offline ticket issued at check-in here
      checkin_at INTEGER,
      checkin_late INTEGER,
      checkin_channel TEXT,
      checkin_proof TEXT,                    -- HMAC of the typed pair, for the replay
      replay_state TEXT NOT NULL DEFAULT 'none'
        CHECK (replay_state IN ('none','pending','replayed','refused')),
      replay_error TEXT
    );
    CREATE INDEX appt_copy_match ON appt_copy(day, match);
    CREATE INDEX appt_copy_replay ON appt_copy(replay_state);
  `,
};
