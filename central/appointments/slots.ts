import { randomUUID } from 'node:crypto';
import type { AppointmentOpParsed } from '../../shared/appointments/protocol';
import type { Slot } from '../../shared/appointments/schemas';
import { all, forUpdate, get, run, type Work } from '../store/work';
import { AppointmentRefusal } from './refusals';
import type { AppointmentCore, SlotRow } from './core';

/** The supervisor's slots: per queue service and hall day, each with a capacity. */

export function* listSlots(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'slots'>,
): Work<Slot[]> {
  const config = yield* a.queue.config(hall);
  const rows = yield* all<SlotRow>(
    'SELECT * FROM appt_slots WHERE hall_code = ? AND day = ? ORDER BY start_min, service_code',
    hall,
    input.day,
  );
  return rows
    .filter((r) => !input.serviceCode || r.service_code === input.serviceCode)
    .map((r) => a.presentSlot(r, config));
}

const SLOT_BY_START = `SELECT * FROM appt_slots
   WHERE hall_code = ? AND day = ? AND service_code = ? AND start_min = ?`;

/**
 * Adds a slot, or changes the end and capacity of the one with the same service, day and
 * start. A capacity below what is already booked is refused: bookings are never dropped. The
 * slot is locked while it is compared (PostgreSQL), so no booking slips in between; two new
 * slots at once: the second one's insert meets the unique key, and the store runs it again.
 */
export function* saveSlot(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'saveSlot'>,
): Work<Slot> {
  const s = input.slot;
  const config = yield* a.queue.config(hall);
  if (!config.services.some((x) => x.code === s.serviceCode)) {
    throw new AppointmentRefusal('unprocessable', 'unknown_service', 'slot.serviceCode');
  }
  const key = [hall, s.day, s.serviceCode, s.startMin] as const;
  const existing = yield* get<SlotRow>(forUpdate(SLOT_BY_START), ...key);
  if (existing) {
    if (s.capacity < existing.booked) {
      throw new AppointmentRefusal('conflict', 'capacity_below_booked', 'slot.capacity');
    }
    yield* run(
      'UPDATE appt_slots SET end_min = ?, capacity = ?, updated_at = ? WHERE id = ?',
      s.endMin,
      s.capacity,
      a.now(),
      existing.id,
    );
  } else {
    yield* run(
      `INSERT INTO appt_slots (id, hall_code, day, service_code, start_min, end_min, capacity,
         booked, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      randomUUID(),
      hall,
      s.day,
      s.serviceCode,
      s.startMin,
      s.endMin,
      s.capacity,
      a.now(),
    );
  }
  const row = (yield* get<SlotRow>(SLOT_BY_START, ...key)) as SlotRow;
  return a.presentSlot(row, config);
}

/**
 * Removes a slot with no active booking. One that only cancelled bookings point at is closed
 * instead (capacity 0, kept for their record): the answer says which (`removed: false`). The
 * slot is locked first (PostgreSQL), so a booking at the same moment waits and then finds it
 * gone or closed.
 */
export function* removeSlot(a: AppointmentCore, hall: string, slotId: string): Work<boolean> {
  const slot = yield* a.lockedSlot(hall, slotId);
  if (!slot) throw new AppointmentRefusal('notFound', 'no_slot', 'slotId');
  if (slot.booked > 0) throw new AppointmentRefusal('conflict', 'slot_has_bookings', 'slotId');
  const any = yield* get<{ n: number }>(
    'SELECT count(*) AS n FROM appt_bookings WHERE slot_id = ?',
    slotId,
  );
  if ((any?.n ?? 0) > 0) {
    yield* run('UPDATE appt_slots SET capacity = 0, updated_at = ? WHERE id = ?', a.now(), slotId);
    return false;
  }
  yield* run('DELETE FROM appt_slots WHERE id = ?', slotId);
  return true;
}
