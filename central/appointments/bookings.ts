import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { maskMobile } from '../../shared/domain/mask';
import { hallDate } from '../../shared/hall-time';
import type { AppointmentOpParsed } from '../../shared/appointments/protocol';
import type { Booking, BookingChannel } from '../../shared/appointments/schemas';
import type { IssuedTicket } from '../../shared/queue/schemas';
import { checkMobile } from '../../shared/validators/mobile';
import { issue } from '../queue/issue';
import { all, forUpdate, get, run, type Work } from '../store/work';
import { AppointmentRefusal } from './refusals';
import { PHONE_CONTEXT, type AppointmentCore, type BookingRow, type SlotRow } from './core';
import { bookable, isLate, noShowCutoff } from '../../shared/appointments/time-rules';

/** Booking, cancelling, checking in, the day list and the no-show sweep, as store work. */

const CODE_SPACE = 1_000_000;

/**
 * A six-digit code not yet used in this hall on this day (inside the booking transaction; two
 * bookings drawing the same code at once on PostgreSQL: the unique key refuses the second,
 * and the store runs it again).
 */
function* freshCode(hall: string, day: string): Work<string> {
  for (;;) {
    const code = String(randomInt(CODE_SPACE)).padStart(6, '0');
    const taken = yield* get<{ id: string }>(
      'SELECT id FROM appt_bookings WHERE hall_code = ? AND day = ? AND code = ?',
      hall,
      day,
      code,
    );
    if (!taken) return code;
  }
}

/**
 * Books one place of a slot. The slot is locked (PostgreSQL; SQLite's write transaction holds
 * the only write lock) and its count raised with a guarded UPDATE (`booked < capacity`), so
 * bookings from every station, channel and process at once never exceed the capacity; the
 * schema's CHECK is the backstop. Idempotent on `requestId` (the same request at once: the
 * unique key refuses the second insert, the store runs it again and it finds the first).
 */
export function* book(
  a: AppointmentCore,
  hall: string,
  station: string,
  channel: BookingChannel,
  input: AppointmentOpParsed<'book'>,
): Work<Booking> {
  const mobile = checkMobile(input.mobile);
  if (!mobile.ok) throw new AppointmentRefusal('unprocessable', 'bad_mobile', 'mobile');
  const config = yield* a.queue.config(hall);
  const again = yield* get<BookingRow>(
    'SELECT * FROM appt_bookings WHERE request_id = ? AND hall_code = ?',
    input.requestId,
    hall,
  );
  if (again) return yield* a.presentBooking(again, config);
  const slot = yield* a.lockedSlot(hall, input.slotId);
  if (!slot) throw new AppointmentRefusal('notFound', 'no_slot', 'slotId');
  const rules = yield* a.settings(hall);
  const times = { day: slot.day, startMin: slot.start_min, endMin: slot.end_min };
  if (!bookable(times, a.now(), rules)) {
    throw new AppointmentRefusal('conflict', 'not_bookable_day', 'slotId');
  }
  const raised = yield* run(
    'UPDATE appt_slots SET booked = booked + 1 WHERE id = ? AND booked < capacity',
    slot.id,
  );
  if (raised.changes !== 1) throw new AppointmentRefusal('conflict', 'slot_full', 'slotId');
  const id = uuidv7();
  yield* run(
    `INSERT INTO appt_bookings (id, hall_code, slot_id, day, code, phone_sealed, phone_masked,
       phone_index, channel, origin_station, request_id, state, late, booked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', 0, ?)`,
    id,
    hall,
    slot.id,
    slot.day,
    yield* freshCode(hall, slot.day),
    a.cipher.seal(mobile.value, PHONE_CONTEXT),
    maskMobile(mobile.value),
    a.cipher.blindIndex('mobile', mobile.value),
    channel,
    station,
    input.requestId,
    a.now(),
  );
  return yield* a.presentBooking(yield* byId(id), config);
}

function* byId(id: string): Work<BookingRow> {
  return (yield* get<BookingRow>('SELECT * FROM appt_bookings WHERE id = ?', id)) as BookingRow;
}

/**
 * The booking a code and phone name, or the same "not found" for an unknown code, another
 * phone or a malformed one (so a code cannot be used to probe phones). Codes are per day: a
 * code names today's booking first, then the nearest future one. The rows are locked
 * (PostgreSQL), so a second cancel or check-in at the same moment waits and sees the first.
 */
function* byCodeAndPhone(
  a: AppointmentCore,
  hall: string,
  code: string,
  raw: string,
): Work<BookingRow> {
  const mobile = checkMobile(raw);
  const miss = new AppointmentRefusal('notFound', 'not_found');
  if (!mobile.ok) throw miss;
  const rows = yield* all<BookingRow>(
    forUpdate(
      'SELECT * FROM appt_bookings WHERE hall_code = ? AND code = ? AND day >= ? ORDER BY day',
    ),
    hall,
    code,
    hallDate(a.now()),
  );
  const index = a.cipher.blindIndex('mobile', mobile.value);
  const row = rows.find((r) => r.phone_index === index);
  if (!row) throw miss;
  return row;
}

/** Cancels a booking (code + phone): its place is free again. */
export function* cancel(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'cancel'>,
): Work<Booking> {
  yield* sweepNoShows(a, hall);
  const row = yield* byCodeAndPhone(a, hall, input.code, input.mobile);
  if (row.state === 'checked_in') {
    throw new AppointmentRefusal('conflict', 'already_checked_in', 'code');
  }
  if (row.state === 'no_show') throw new AppointmentRefusal('conflict', 'no_show', 'code');
  if (row.state === 'booked') {
    // Guarded as well as locked: the place is given back once, whatever else runs.
    const ended = yield* run(
      "UPDATE appt_bookings SET state = 'cancelled', ended_at = ? WHERE id = ? AND state = 'booked'",
      a.now(),
      row.id,
    );
    if (ended.changes === 1) {
      yield* run('UPDATE appt_slots SET booked = booked - 1 WHERE id = ?', row.slot_id);
    }
  }
  return yield* a.presentBooking(yield* byId(row.id), yield* a.queue.config(hall));
}

/**
 * Check-in (kiosk, guide or counter) by code + phone, on the booking's day: one transaction
 * marks the booking and issues its ticket in the slot's service, with 预约 priority when on
 * time (a late customer gets a regular ticket and the late mark). Checking in again returns
 * the same ticket (the ticket id is kept on the booking; issuing is idempotent on it).
 */
export function* checkIn(
  a: AppointmentCore,
  hall: string,
  station: string,
  input: AppointmentOpParsed<'checkIn'>,
): Work<{ booking: Booking; ticket: IssuedTicket }> {
  yield* sweepNoShows(a, hall);
  const row = yield* byCodeAndPhone(a, hall, input.code, input.mobile);
  if (row.state === 'cancelled') throw new AppointmentRefusal('conflict', 'cancelled', 'code');
  if (row.state === 'no_show') throw new AppointmentRefusal('conflict', 'no_show', 'code');
  if (row.day !== hallDate(a.now())) {
    throw new AppointmentRefusal('conflict', 'not_today', 'code');
  }
  const slot = (yield* a.slot(hall, row.slot_id)) as SlotRow;
  const rules = yield* a.settings(hall);
  const late = isLate(
    { day: slot.day, startMin: slot.start_min, endMin: slot.end_min },
    a.now(),
    rules,
  );
  const ticketId = row.ticket_id ?? uuidv7();
  const ticket = yield* issue(a.queue, hall, station, {
    id: ticketId,
    serviceCode: slot.service_code,
    priority: late ? 'normal' : 'appointment',
    channel: input.channel,
  });
  if (row.state === 'booked') {
    yield* run(
      `UPDATE appt_bookings SET state = 'checked_in', late = ?, ticket_id = ?, checked_in_at = ?
       WHERE id = ? AND state = 'booked'`,
      late ? 1 : 0,
      ticketId,
      a.now(),
      row.id,
    );
  }
  const config = yield* a.queue.config(hall);
  return { booking: yield* a.presentBooking(yield* byId(row.id), config), ticket };
}

/**
 * Marks as no-show every booking not checked in by its slot's end plus the grace period (and
 * any of an earlier day). Runs inside the transactions that read or change bookings, so the
 * marks are the same whichever screen looks first.
 */
export function* sweepNoShows(a: AppointmentCore, hall: string): Work<number> {
  const now = a.now();
  const today = hallDate(now);
  // Slot ends are whole minutes: `end_min < cutoff` holds exactly when `end_min < ceil(cutoff)`,
  // and PostgreSQL will not compare an INTEGER column with a fraction passed as text.
  const cutoff = Math.ceil(noShowCutoff(now, yield* a.settings(hall)));
  const { changes } = yield* run(
    `UPDATE appt_bookings SET state = 'no_show', ended_at = ?
     WHERE hall_code = ? AND state = 'booked' AND (day < ? OR (day = ? AND slot_id IN
       (SELECT id FROM appt_slots WHERE hall_code = ? AND day = ? AND end_min < ?)))`,
    now,
    hall,
    today,
    today,
    hall,
    today,
    cutoff,
  );
  return changes;
}

/** The bookings of one hall day (today by default), by slot time, with their states. */
export function* dayList(
  a: AppointmentCore,
  hall: string,
  day: string | undefined,
): Work<Booking[]> {
  yield* sweepNoShows(a, hall);
  const config = yield* a.queue.config(hall);
  const rows = yield* all<BookingRow>(
    `SELECT b.* FROM appt_bookings b JOIN appt_slots s ON s.id = b.slot_id
     WHERE b.hall_code = ? AND b.day = ? ORDER BY s.start_min, b.booked_at`,
    hall,
    day ?? hallDate(a.now()),
  );
  const out: Booking[] = [];
  for (const r of rows) out.push(yield* a.presentBooking(r, config));
  return out;
}
