import type { FieldCipher } from '../../electron/main/services/crypto';
import { toHallIso } from '../../shared/hall-time';
import {
  DEFAULT_APPOINTMENT_SETTINGS,
  type AppointmentSettings,
  type Booking,
  type BookingChannel,
  type BookingState,
  type Slot,
} from '../../shared/appointments/schemas';
import type { QueueConfig } from '../../shared/queue/schemas';
import { QueueCore } from '../queue/core';
import { forUpdate, get, run, type Work } from '../store/work';

export interface SlotRow {
  id: string;
  hall_code: string;
  day: string;
  service_code: string;
  start_min: number;
  end_min: number;
  capacity: number;
  booked: number;
}

export interface BookingRow {
  id: string;
  hall_code: string;
  slot_id: string;
  day: string;
  code: string;
  phone_sealed: string;
  phone_masked: string;
  phone_index: string;
  channel: BookingChannel;
  origin_station: string;
  request_id: string;
  state: BookingState;
  late: number;
  ticket_id: string | null;
  booked_at: number;
  checked_in_at: number | null;
}

/** The column a booking's phone is sealed for (bound to it as associated data). */
export const PHONE_CONTEXT = 'appt_bookings.phone';

/**
 * What the appointment sections share: the clock, the hub's cipher, the queue's core (services
 * and tickets, on the same store: check-in issues its ticket inside the booking's transaction)
 * and how rows are presented, as store work (store/work.ts).
 */
export class AppointmentCore {
  readonly queue: QueueCore;

  constructor(
    readonly cipher: FieldCipher,
    readonly now: () => number,
  ) {
    this.queue = new QueueCore(now, cipher);
  }

  *settings(hall: string): Work<AppointmentSettings> {
    const row = yield* get<{ grace_minutes: number; book_ahead_days: number }>(
      'SELECT grace_minutes, book_ahead_days FROM appt_settings WHERE hall_code = ?',
      hall,
    );
    return row
      ? { graceMinutes: row.grace_minutes, bookAheadDays: row.book_ahead_days }
      : DEFAULT_APPOINTMENT_SETTINGS;
  }

  *saveSettings(hall: string, s: AppointmentSettings): Work<AppointmentSettings> {
    yield* run(
      `INSERT INTO appt_settings (hall_code, grace_minutes, book_ahead_days, updated_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (hall_code) DO UPDATE SET grace_minutes = excluded.grace_minutes,
         book_ahead_days = excluded.book_ahead_days, updated_at = excluded.updated_at`,
      hall,
      s.graceMinutes,
      s.bookAheadDays,
      this.now(),
    );
    return yield* this.settings(hall);
  }

  *slot(hall: string, id: string): Work<SlotRow | undefined> {
    return yield* get<SlotRow>('SELECT * FROM appt_slots WHERE id = ? AND hall_code = ?', id, hall);
  }

  /** The slot, locked until the write ends (PostgreSQL), for work that decides on its count. */
  *lockedSlot(hall: string, id: string): Work<SlotRow | undefined> {
    return yield* get<SlotRow>(
      forUpdate('SELECT * FROM appt_slots WHERE id = ? AND hall_code = ?'),
      id,
      hall,
    );
  }

  serviceName(config: QueueConfig, code: string): Slot['serviceName'] {
    return config.services.find((s) => s.code === code)?.name ?? { zh: code, en: code };
  }

  presentSlot(row: SlotRow, config: QueueConfig): Slot {
    return {
      id: row.id,
      day: row.day,
      serviceCode: row.service_code,
      serviceName: this.serviceName(config, row.service_code),
      startMin: row.start_min,
      endMin: row.end_min,
      capacity: row.capacity,
      booked: row.booked,
    };
  }

  *presentBooking(row: BookingRow, config: QueueConfig): Work<Booking> {
    const slot = (yield* this.slot(row.hall_code, row.slot_id)) as SlotRow;
    let ticketNumber: string | null = null;
    if (row.ticket_id)
      ticketNumber = (yield* this.queue.ticket(row.hall_code, row.ticket_id)).number;
    return {
      id: row.id,
      code: row.code,
      day: row.day,
      slotId: row.slot_id,
      serviceCode: slot.service_code,
      serviceName: this.serviceName(config, slot.service_code),
      startMin: slot.start_min,
      endMin: slot.end_min,
      phoneMasked: row.phone_masked,
      channel: row.channel,
      state: row.state,
      late: row.late === 1,
      ticketId: row.ticket_id,
      ticketNumber,
      bookedAt: toHallIso(row.booked_at),
      checkedInAt: row.checked_in_at === null ? null : toHallIso(row.checked_in_at),
    };
  }
}
