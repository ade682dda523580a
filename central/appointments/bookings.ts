import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { maskMobile } from '../../shared/domain/mask';
import { hallDate } from '../../shared/hall-time';
import type { AppointmentOpParsed } from '../../shared/appointments/protocol';
import type { Booking, BookingChannel } from '../../shared/appointments/schemas';
import type { IssuedTicket } from '../../shared/queue/schemas';
import { checkMobile } from '../../shared/validators/mobile';
import { AppointmentRefusal } from './refusals';
import { PHONE_CONTEXT, type AppointmentCore, type BookingRow, type SlotRow } from './core';
import { bookable, isLate, noShowCutoff } from './time-rules';

/** Booking, cancelling, checking in, the day list and the no-show sweep. */

const CODE_SPACE = 1_000_000;

/** A six-digit code not yet used in this hall on this day (inside the booking transaction). */
function freshCode(a: AppointmentCore, hall: string, day: string): string {
  const taken = a.sql<[string, string, string], { id: string }>(
    'SELECT id FROM appt_bookings WHERE hall_code = ? AND day = ? AND code = ?',
  );
  for (;;) {
    const code = String(randomInt(CODE_SPACE)).padStart(6, '0');
    if (!taken.get(hall, day, code)) return code;
  }
}

/**
 * Books one place of a slot. The count is raised with a guarded UPDATE (`booked < capacity`)
 * inside one IMMEDIATE transaction, so bookings from every station and channel at once never
 * exceed the capacity; the schema's CHECK is the backstop. Idempotent on `requestId`.
 */
export function book(
  a: AppointmentCore,
  hall: string,
  station: string,
  channel: BookingChannel,
  input: AppointmentOpParsed<'book'>,
): Booking {
  const mobile = checkMobile(input.mobile);
  if (!mobile.ok) throw new AppointmentRefusal('unprocessable', 'bad_mobile', 'mobile');
  return a.tx(() => {
    const config = a.queue.config(hall);
    const again = a
      .sql<[string, string], BookingRow>(
        'SELECT * FROM appt_bookings WHERE request_id = ? AND hall_code = ?',
      )
      .get(input.requestId, hall);
    if (again) return a.presentBooking(again, config);
    const slot = a.slot(hall, input.slotId);
    if (!slot) throw new AppointmentRefusal('notFound', 'no_slot', 'slotId');
    const rules = a.settings(hall);
    const times = { day: slot.day, startMin: slot.start_min, endMin: slot.end_min };
    if (!bookable(times, a.now(), rules)) {
      throw new AppointmentRefusal('conflict', 'not_bookable_day', 'slotId');
    }
    const raised = a
      .sql('UPDATE appt_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity')
      .run(slot.id);
    if (raised.changes !== 1) throw new AppointmentRefusal('conflict', 'slot_full', 'slotId');
    const id = uuidv7();
    a.sql(
      `INSERT INTO appt_bookings (id, hall_code, slot_id, day, code, phone_sealed, phone_masked,
         phone_index, channel, origin_station, request_id, state, late, booked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', 0, ?)`,
    ).run(
      id,
      hall,
      slot.id,
      slot.day,
      freshCode(a, hall, slot.day),
      a.cipher.seal(mobile.value, PHONE_CONTEXT),
      maskMobile(mobile.value),
      a.cipher.blindIndex('mobile', mobile.value),
      channel,
      station,
      input.requestId,
      a.now(),
    );
    return a.presentBooking(byId(a, id), config);
  });
}

const byId = (a: AppointmentCore, id: string): BookingRow =>
  a.sql<[string], BookingRow>('SELECT * FROM appt_bookings WHERE id = ?').get(id) as BookingRow;

/**
 * The booking a code and phone name, or the same "not found" for an unknown code, another
 * phone or a malformed one (so a code cannot be used to probe phones). Codes are per day: a
 * code names today's booking first, then the nearest future one.
 */
function byCodeAndPhone(a: AppointmentCore, hall: string, code: string, raw: string): BookingRow {
  const mobile = checkMobile(raw);
  const miss = new AppointmentRefusal('notFound', 'not_found');
  if (!mobile.ok) throw miss;
  const rows = a
    .sql<[string, string, string], BookingRow>(
      'SELECT * FROM appt_bookings WHERE hall_code = ? AND code = ? AND day >= ? ORDER BY day',
    )
    .all(hall, code, hallDate(a.now()));
  const index = a.cipher.blindIndex('mobile', mobile.value);
  const row = rows.find((r) => r.phone_index === index);
  if (!row) throw miss;
  return row;
}

/** Cancels a booking (code + phone): its place is free again. */
export function cancel(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'cancel'>,
): Booking {
  return a.tx(() => {
    sweepNoShows(a, hall);
    const row = byCodeAndPhone(a, hall, input.code, input.mobile);
    if (row.state === 'checked_in') {
      throw new AppointmentRefusal('conflict', 'already_checked_in', 'code');
    }
    if (row.state === 'no_show') throw new AppointmentRefusal('conflict', 'no_show', 'code');
    if (row.state === 'booked') {
      a.sql("UPDATE appt_bookings SET state = 'cancelled', ended_at = ? WHERE id = ?").run(
        a.now(),
        row.id,
      );
      a.sql('UPDATE appt_slots SET booked = booked - 1 WHERE id = ?').run(row.slot_id);
    }
    return a.presentBooking(byId(a, row.id), a.queue.config(hall));
  });
}

/**
 * Check-in (kiosk, guide or counter) by code + phone, on the booking's day: one transaction
 * marks the booking and issues its ticket in the slot's service, with 预约 priority when on
 * time (a late customer gets a regular ticket and the late mark). Checking in again returns
 * the same ticket (the ticket id is kept on the booking; issuing is idempotent on it).
 */
export function checkIn(
  a: AppointmentCore,
  hall: string,
  station: string,
  input: AppointmentOpParsed<'checkIn'>,
): { booking: Booking; ticket: IssuedTicket } {
  return a.tx(() => {
    sweepNoShows(a, hall);
    const row = byCodeAndPhone(a, hall, input.code, input.mobile);
    if (row.state === 'cancelled') throw new AppointmentRefusal('conflict', 'cancelled', 'code');
    if (row.state === 'no_show') throw new AppointmentRefusal('conflict', 'no_show', 'code');
    if (row.day !== hallDate(a.now())) {
      throw new AppointmentRefusal('conflict', 'not_today', 'code');
    }
    const slot = a.slot(hall, row.slot_id) as SlotRow;
    const rules = a.settings(hall);
    const late = isLate(
      { day: slot.day, startMin: slot.start_min, endMin: slot.end_min },
      a.now(),
      rules,
    );
    const ticketId = row.ticket_id ?? uuidv7();
    const ticket = a.queue.issue(hall, station, {
      id: ticketId,
      serviceCode: slot.service_code,
      priority: late ? 'normal' : 'appointment',
      channel: input.channel,
    });
    if (row.state === 'booked') {
      a.sql(
        `UPDATE appt_bookings SET state = 'checked_in', late = ?, ticket_id = ?, checked_in_at = ?
         WHERE id = ? AND state = 'booked'`,
      ).run(late ? 1 : 0, ticketId, a.now(), row.id);
    }
    return { booking: a.presentBooking(byId(a, row.id), a.queue.config(hall)), ticket };
  });
}

/**
 * Marks as no-show every booking not checked in by its slot's end plus the grace period (and
 * any of an earlier day). Runs inside the transactions that read or change bookings, so the
 * marks are the same whichever screen looks first.
 */
export function sweepNoShows(a: AppointmentCore, hall: string): number {
  const now = a.now();
  const today = hallDate(now);
  const cutoff = noShowCutoff(now, a.settings(hall));
  return a
    .sql(
      `UPDATE appt_bookings SET state = 'no_show', ended_at = ?
       WHERE hall_code = ? AND state = 'booked' AND (day < ? OR (day = ? AND slot_id IN
         (SELECT id FROM appt_slots WHERE hall_code = ? AND day = ? AND end_min < ?)))`,
    )
    .run(now, hall, today, today, hall, today, cutoff).changes;
}

/** The bookings of one hall day (today by default), by slot time, with their states. */
export function dayList(a: AppointmentCore, hall: string, day: string | undefined): Booking[] {
  return a.tx(() => {
    sweepNoShows(a, hall);
    const config = a.queue.config(hall);
    return a
      .sql<[string, string], BookingRow>(
        `SELECT b.* FROM appt_bookings b JOIN appt_slots s ON s.id = b.slot_id
         WHERE b.hall_code = ? AND b.day = ? ORDER BY s.start_min, b.booked_at`,
      )
      .all(hall, day ?? hallDate(a.now()))
      .map((r) => a.presentBooking(r, config));
  });
}
