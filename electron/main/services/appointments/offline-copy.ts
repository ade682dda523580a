import { prepared, type Database } from '../db';
import { cipherOf } from '../crypto';
import { hallDate, toHallIso } from '../../../../shared/hall-time';
import type { OfflineCopy } from '../../../../shared/appointments/protocol';
import type { BookingChannel } from '../../../../shared/appointments/schemas';

/** The associated data a day key is sealed under (crypto/sealed-columns.ts). */
export const COPY_KEY_CONTEXT = 'appt_copy_keys.key_sealed';

export interface CopyRow {
  booking_id: string;
  day: string;
  slot_id: string;
  service_code: string;
  start_min: number;
  end_min: number;
  phone_masked: string;
  channel: BookingChannel;
  booked_at: number;
  match: string;
  state: 'booked' | 'checked_in';
  checkin_ticket_id: string | null;
  checkin_at: number | null;
  checkin_late: number | null;
  checkin_channel: 'guide' | 'kiosk' | 'counter' | null;
  checkin_proof: string | null;
  replay_state: 'none' | 'pending' | 'replayed' | 'refused';
  replay_error: string | null;
}

/**
 * The station's copy of the hub's bookings for check-in with the hub down (docs/appointments.md).
 * A new copy replaces the hub's fields of each row and drops bookings the hub no longer sends
 * (cancelled), but never a check-in made here and not yet taken by the hub.
 */
export function createOfflineCopy(db: Database) {
  const upsertKey = prepared(
    db,
    `INSERT INTO appt_copy_keys (day, key_sealed, grace_minutes, received_at)
     VALUES (@day, @key_sealed, @grace_minutes, @received_at)
     ON CONFLICT (day) DO UPDATE SET key_sealed = excluded.key_sealed,
       grace_minutes = excluded.grace_minutes, received_at = excluded.received_at`,
  );
  const upsertRow = prepared(
    db,
    `INSERT INTO appt_copy (booking_id, day, slot_id, service_code, start_min, end_min,
       phone_masked, channel, booked_at, match, state, received_at)
     VALUES (@booking_id, @day, @slot_id, @service_code, @start_min, @end_min, @phone_masked,
       @channel, @booked_at, @match, @state, @received_at)
     ON CONFLICT (booking_id) DO UPDATE SET slot_id = excluded.slot_id,
       service_code = excluded.service_code, start_min = excluded.start_min,
       end_min = excluded.end_min, match = excluded.match, state = excluded.state,
       received_at = excluded.received_at`,
  );
  // Rows of a day the copy covers that it no longer names, and anything of a past day, unless
  // a check-in made here still waits for the hub.
  const dropGone = prepared<[string, number]>(
    db,
    `DELETE FROM appt_copy WHERE day = ? AND received_at < ? AND replay_state <> 'pending'`,
  );
  const dropPast = prepared<[string]>(
    db,
    `DELETE FROM appt_copy WHERE day < ? AND replay_state <> 'pending'`,
  );
  const dropPastKeys = prepared<[string]>(db, 'DELETE FROM appt_copy_keys WHERE day < ?');
  const keyOf = prepared<[string], { key_sealed: string; grace_minutes: number }>(
    db,
    'SELECT key_sealed, grace_minutes FROM appt_copy_keys WHERE day = ?',
  );
  const byMatch = prepared<[string, string], CopyRow>(
    db,
    'SELECT * FROM appt_copy WHERE day = ? AND match = ?',
  );
  const byId = prepared<[string], CopyRow>(db, 'SELECT * FROM appt_copy WHERE booking_id = ?');
  const record = prepared(
    db,
    `UPDATE appt_copy SET checkin_ticket_id = @ticket, checkin_at = @at, checkin_late = @late,
       checkin_channel = @channel, checkin_proof = @proof, replay_state = 'pending'
     WHERE booking_id = @id AND checkin_ticket_id IS NULL AND state = 'booked'`,
  );
  const pending = prepared<[], CopyRow>(
    db,
    "SELECT * FROM appt_copy WHERE replay_state = 'pending' ORDER BY checkin_at",
  );
  const settle = prepared<[string, string | null, string]>(
    db,
    'UPDATE appt_copy SET replay_state = ?, replay_error = ? WHERE booking_id = ?',
  );
  const counts = prepared<[], { state: string; n: number }>(
    db,
    'SELECT replay_state AS state, count(*) AS n FROM appt_copy GROUP BY replay_state',
  );

  return {
    /** Keeps the hub's copy (each day key sealed with this station's data key). */
    save(copy: OfflineCopy, at: number): void {
      const cipher = cipherOf(db);
      db.transaction(() => {
        for (const d of copy.days) {
          upsertKey.run({
            day: d.day,
            key_sealed: cipher.seal(d.key, COPY_KEY_CONTEXT),
            grace_minutes: copy.graceMinutes,
            received_at: at,
          });
        }
        for (const b of copy.bookings) {
          upsertRow.run({
            booking_id: b.id,
            day: b.day,
            slot_id: b.slotId,
            service_code: b.serviceCode,
            start_min: b.startMin,
            end_min: b.endMin,
            phone_masked: b.phoneMasked,
            channel: b.channel,
            booked_at: Date.parse(b.bookedAt),
            match: b.match,
            state: b.state,
            received_at: at,
          });
        }
        for (const d of copy.days) dropGone.run(d.day, at);
        const today = hallDate(at);
        dropPast.run(today);
        dropPastKeys.run(today);
      })();
    },
    /** The day's key (opened) and grace period, or undefined when no copy covers that day. */
    dayKey(day: string): { key: string; graceMinutes: number } | undefined {
      const row = keyOf.get(day);
      if (!row) return undefined;
      return {
        key: cipherOf(db).open(row.key_sealed, COPY_KEY_CONTEXT),
        graceMinutes: row.grace_minutes,
      };
    },
    find: (day: string, match: string): CopyRow | undefined => byMatch.get(day, match),
    get: (bookingId: string): CopyRow | undefined => byId.get(bookingId),
    /** Records a check-in made here; false when the booking already has one (kept as it was). */
    recordCheckIn(c: {
      bookingId: string;
      ticketId: string;
      at: number;
      late: boolean;
      channel: 'guide' | 'kiosk' | 'counter';
      proof: string;
    }): boolean {
      return (
        record.run({
          id: c.bookingId,
          ticket: c.ticketId,
          at: c.at,
          late: c.late ? 1 : 0,
          channel: c.channel,
          proof: c.proof,
        }).changes === 1
      );
    },
    pending: (): CopyRow[] => pending.all(),
    replayed: (bookingId: string): void => void settle.run('replayed', null, bookingId),
    refused: (bookingId: string, reason: string): void =>
      void settle.run('refused', reason, bookingId),
    counts(): Record<CopyRow['replay_state'], number> {
      const out = { none: 0, pending: 0, replayed: 0, refused: 0 };
      for (const r of counts.all()) out[r.state as keyof typeof out] = r.n;
      return out;
    },
  };
}

export type OfflineCopyStore = ReturnType<typeof createOfflineCopy>;

/** When the row was booked, as the contract writes times. */
export const bookedAtIso = (row: CopyRow): string => toHallIso(row.booked_at);
