import { DAY_MS, hallDate, toHallIso } from '../../shared/hall-time';
import type { AppointmentOpParsed, OfflineCopy } from '../../shared/appointments/protocol';
import type { Booking } from '../../shared/appointments/schemas';
import { isLate, isNoShow } from '../../shared/appointments/time-rules';
import type { IssuedTicket } from '../../shared/queue/schemas';
import { proofOf, sameProof } from '../../electron/main/services/appointments/offline-match';
import { issue } from '../queue/issue';
import { all, forUpdate, get, run, type Work } from '../store/work';
import { AppointmentRefusal } from './refusals';
import { PHONE_CONTEXT, type AppointmentCore, type BookingRow, type SlotRow } from './core';

/**
 * The hub's half of check-in with the hub down (docs/appointments.md): the copy its stations
 * keep, and the check-ins they made meanwhile, replayed when the hub answers again.
 */

/**
 * The hall's key for one day: derived from the hub's blind-index key (HMAC), so it is the same
 * after a restart, differs per hall and day, and tells nothing about the hub's keys.
 */
export const dayKeyOf = (a: AppointmentCore, hall: string, day: string): string =>
  a.cipher.blindIndex('account_no', `APPT-OFFLINE:${hall}:${day}`);

/** A booking of the copy before its match is computed (the pair is needed for that). */
export interface CopyEntry {
  row: BookingRow & { start_min: number; end_min: number; service_code: string };
  mobile: string;
}

/** Today's and tomorrow's open bookings with their phones opened, read in one transaction. */
export function* copyEntries(
  a: AppointmentCore,
  hall: string,
): Work<{ days: string[]; graceMinutes: number; entries: CopyEntry[] }> {
  const today = hallDate(a.now());
  const tomorrow = hallDate(a.now() + DAY_MS);
  const days = [today, tomorrow];
  const rows = yield* all<CopyEntry['row']>(
    `SELECT b.*, s.start_min, s.end_min, s.service_code FROM appt_bookings b
     JOIN appt_slots s ON s.id = b.slot_id
     WHERE b.hall_code = ? AND b.day IN (?, ?) AND b.state IN ('booked', 'checked_in')
     ORDER BY b.day, s.start_min`,
    hall,
    today,
    tomorrow,
  );
  const { graceMinutes } = yield* a.settings(hall);
  const entries = rows.map((row) => ({
    row,
    mobile: a.cipher.open(row.phone_sealed, PHONE_CONTEXT),
  }));
  return { days, graceMinutes, entries };
}

/** The copy as sent: the caller has computed each booking's match (slow, outside the store). */
export function presentCopy(
  a: AppointmentCore,
  hall: string,
  read: { days: string[]; graceMinutes: number; entries: CopyEntry[] },
  matches: readonly string[],
): OfflineCopy {
  return {
    graceMinutes: read.graceMinutes,
    days: read.days.map((day) => ({ day, key: dayKeyOf(a, hall, day) })),
    bookings: read.entries.map(({ row }, i) => ({
      id: row.id,
      day: row.day,
      slotId: row.slot_id,
      serviceCode: row.service_code,
      startMin: row.start_min,
      endMin: row.end_min,
      phoneMasked: row.phone_masked,
      channel: row.channel,
      bookedAt: toHallIso(row.booked_at),
      match: matches[i] as string,
      state: row.state === 'checked_in' ? 'checked_in' : 'booked',
    })),
  };
}

/**
 * A check-in a station made while the hub was down. The booking must be of this hall (the
 * token's), the proof must come from its own phone and code, and the time must be on its day
 * and before it became a no-show; then, in one transaction, its offline ticket is merged (or
 * found, if the queue's merge came first: issuing is idempotent on the ticket id) and the
 * booking marked checked in with that ticket. Offered again, it answers the same; a booking
 * already checked in keeps its first ticket.
 */
export function* replayCheckIn(
  a: AppointmentCore,
  hall: string,
  station: string,
  input: AppointmentOpParsed<'replayCheckIn'>,
): Work<{ booking: Booking; ticket: IssuedTicket }> {
  const miss = new AppointmentRefusal('notFound', 'not_found');
  const row = yield* get<BookingRow>(
    forUpdate('SELECT * FROM appt_bookings WHERE id = ? AND hall_code = ?'),
    input.bookingId,
    hall,
  );
  if (!row) throw miss;
  const mobile = a.cipher.open(row.phone_sealed, PHONE_CONTEXT);
  const expected = proofOf(dayKeyOf(a, hall, row.day), row.id, mobile, row.code);
  if (!sameProof(expected, input.proof)) throw miss;
  const config = yield* a.queue.config(hall);
  if (row.state === 'checked_in' && row.ticket_id) {
    const ticket = yield* issueAgain(a, hall, station, row.ticket_id);
    return { booking: yield* a.presentBooking(row, config), ticket };
  }
  if (row.state === 'cancelled') throw new AppointmentRefusal('conflict', 'cancelled', 'code');
  const at = Math.min(Date.parse(input.checkedInAt), a.now());
  const slot = (yield* a.slot(hall, row.slot_id)) as SlotRow;
  const times = { day: slot.day, startMin: slot.start_min, endMin: slot.end_min };
  const rules = yield* a.settings(hall);
  if (hallDate(at) !== row.day) throw new AppointmentRefusal('conflict', 'not_today', 'code');
  if (isNoShow(times, at, rules)) throw new AppointmentRefusal('conflict', 'no_show', 'code');
  const late = isLate(times, at, rules);
  const ticket = yield* issue(a.queue, hall, station, {
    id: input.ticket.id,
    serviceCode: slot.service_code,
    priority: late ? 'normal' : 'appointment',
    channel: input.channel,
    offline: { number: input.ticket.number, issuedAt: input.ticket.issuedAt },
  });
  // A booking the sweep marked as a no-show while the hub was down was in fact checked in.
  yield* run(
    `UPDATE appt_bookings SET state = 'checked_in', late = ?, ticket_id = ?, checked_in_at = ?,
       ended_at = NULL WHERE id = ? AND state IN ('booked', 'no_show')`,
    late ? 1 : 0,
    input.ticket.id,
    at,
    row.id,
  );
  const after = (yield* get<BookingRow>(
    'SELECT * FROM appt_bookings WHERE id = ?',
    row.id,
  )) as BookingRow;
  return { booking: yield* a.presentBooking(after, config), ticket };
}

/** The ticket a booking already holds, presented as issuing does (it exists: no new number). */
function* issueAgain(
  a: AppointmentCore,
  hall: string,
  station: string,
  ticketId: string,
): Work<IssuedTicket> {
  const t = yield* a.queue.ticket(hall, ticketId);
  return yield* issue(a.queue, hall, station, {
    id: ticketId,
    serviceCode: t.serviceCode,
    priority: t.priority,
    channel: t.channel,
  });
}
