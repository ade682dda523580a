import { randomUUID } from 'node:crypto';
import type { AppointmentOpParsed } from '../../shared/appointments/protocol';
import type { Slot } from '../../shared/appointments/schemas';
import { AppointmentRefusal } from './refusals';
import type { AppointmentCore, SlotRow } from './core';

/** The supervisor's slots: per queue service and hall day, each with a capacity. */

export function listSlots(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'slots'>,
): Slot[] {
  const config = a.queue.config(hall);
  const rows = a
    .sql<[string, string], SlotRow>(
      'SELECT * FROM appt_slots WHERE hall_code = ? AND day = ? ORDER BY start_min, service_code',
    )
    .all(hall, input.day);
  return rows
    .filter((r) => !input.serviceCode || r.service_code === input.serviceCode)
    .map((r) => a.presentSlot(r, config));
}

/**
 * Adds a slot, or changes the end and capacity of the one with the same service, day and
 * start. A capacity below what is already booked is refused: bookings are never dropped.
 */
export function saveSlot(
  a: AppointmentCore,
  hall: string,
  input: AppointmentOpParsed<'saveSlot'>,
): Slot {
  const s = input.slot;
  return a.tx(() => {
    const config = a.queue.config(hall);
    if (!config.services.some((x) => x.code === s.serviceCode)) {
      throw new AppointmentRefusal('unprocessable', 'unknown_service', 'slot.serviceCode');
    }
    const existing = a
      .sql<[string, string, string, number], SlotRow>(
        `SELECT * FROM appt_slots
         WHERE hall_code = ? AND day = ? AND service_code = ? AND start_min = ?`,
      )
      .get(hall, s.day, s.serviceCode, s.startMin);
    if (existing) {
      if (s.capacity < existing.booked) {
        throw new AppointmentRefusal('conflict', 'capacity_below_booked', 'slot.capacity');
      }
      a.sql('UPDATE appt_slots SET end_min = ?, capacity = ?, updated_at = ? WHERE id = ?').run(
        s.endMin,
        s.capacity,
        a.now(),
        existing.id,
      );
    } else {
      a.sql(
        `INSERT INTO appt_slots (id, hall_code, day, service_code, start_min, end_min, capacity,
           booked, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ).run(randomUUID(), hall, s.day, s.serviceCode, s.startMin, s.endMin, s.capacity, a.now());
    }
    const row = a
      .sql<[string, string, string, number], SlotRow>(
        `SELECT * FROM appt_slots
         WHERE hall_code = ? AND day = ? AND service_code = ? AND start_min = ?`,
      )
      .get(hall, s.day, s.serviceCode, s.startMin) as SlotRow;
    return a.presentSlot(row, config);
  });
}

/**
 * Removes a slot with no active booking. One that only cancelled bookings point at is closed
 * instead (capacity 0, kept for their record): the answer says which (`removed: false`).
 */
export function removeSlot(a: AppointmentCore, hall: string, slotId: string): boolean {
  return a.tx(() => {
    const slot = a.slot(hall, slotId);
    if (!slot) throw new AppointmentRefusal('notFound', 'no_slot', 'slotId');
    if (slot.booked > 0) throw new AppointmentRefusal('conflict', 'slot_has_bookings', 'slotId');
    const any = a
      .sql<[string], { n: number }>('SELECT count(*) AS n FROM appt_bookings WHERE slot_id = ?')
      .get(slotId);
    if ((any?.n ?? 0) > 0) {
      a.sql('UPDATE appt_slots SET capacity = 0, updated_at = ? WHERE id = ?').run(a.now(), slotId);
      return false;
    }
    a.sql('DELETE FROM appt_slots WHERE id = ?').run(slotId);
    return true;
  });
}
