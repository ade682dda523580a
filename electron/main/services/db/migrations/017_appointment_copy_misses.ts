import type { Migration } from '../../../../../server-common/db';

/**
 * Check-in from the appointment copy slows down after repeated misses (wrong phone or code),
 * as the hub does. The misses were counted in memory, so restarting the station wiped them and
 * gave a guesser a fresh allowance. One row per miss, its time only (no phone, no code); rows
 * older than the window are deleted as new ones come.
 * Self-contained: nothing here touches another table.
 */
export const migration017AppointmentCopyMisses: Migration = {
  version: 17,
  name: 'appointment_copy_misses',
  up: `
    CREATE TABLE appt_copy_misses (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL                    -- when the miss was answered (ms)
    );
    CREATE INDEX appt_copy_misses_at ON appt_copy_misses(at);
  `,
};
