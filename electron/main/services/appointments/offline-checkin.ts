import { v7 as uuidv7 } from 'uuid';
import type { Booking } from '../../../../shared/appointments/schemas';
import { isLate, isNoShow } from '../../../../shared/appointments/time-rules';
import { DAY_MS, hallDate, toHallIso } from '../../../../shared/hall-time';
import type { IssuedTicket, QueueConfig } from '../../../../shared/queue/schemas';
import { checkMobile } from '../../../../shared/validators/mobile';
import type { Database } from '../db';
import { offlineTicket } from '../queue/offline-merge';
import type { OfflineTickets } from '../queue/offline-tickets';
import {
  OFFLINE_ALREADY_CHECKED_IN,
  OFFLINE_NOT_FOUND,
  OFFLINE_NOT_TODAY,
  OFFLINE_NO_SHOW,
  OFFLINE_RATE_LIMITED,
  OFFLINE_UNKNOWN_SERVICE,
} from './errors';
import { matchOf, proofOf } from './offline-match';
import { bookedAtIso, type CopyRow, type OfflineCopyStore } from './offline-copy';
import { createOfflineMisses } from './offline-misses';
import type { DeskChannel } from './service';

const MISS_WINDOW_MS = 60_000;
const MAX_MISSES = 5;

export interface OfflineCheckInDeps {
  db: Database;
  copy: OfflineCopyStore;
  tickets: OfflineTickets;
  /** The queue configuration last seen (services, prefixes, names). */
  queueConfig: () => QueueConfig;
  now: () => number;
}

/**
 * Check-in from the station's copy while the hub cannot be reached: the typed pair is matched
 * against the copy (misses answer the hub's "not found" and slow down the same way), the
 * offline ticket is issued with 预约 priority (regular when late), and the check-in recorded
 * for the replay. Returns undefined when no copy covers today: the caller keeps the old answer.
 */
export function createOfflineCheckIn(deps: OfflineCheckInDeps) {
  const { copy, now } = deps;
  // In the station's file, not in memory: a restart must not hand a guesser fresh tries.
  const misses = createOfflineMisses(deps.db);

  const throttled = (): boolean => misses.countSince(now() - MISS_WINDOW_MS) >= MAX_MISSES;
  const miss = (): never => {
    misses.record(now());
    throw OFFLINE_NOT_FOUND;
  };

  /** The booking the pair names: today's first, then tomorrow's (refused as not today). */
  async function find(
    code: string,
    mobile: string,
  ): Promise<{ row: CopyRow; key: string; graceMinutes: number } | undefined> {
    const at = now();
    for (const day of [hallDate(at), hallDate(at + DAY_MS)]) {
      const k = copy.dayKey(day);
      if (!k) continue;
      const row = copy.find(day, await matchOf(k.key, day, mobile, code));
      if (row) return { row, key: k.key, graceMinutes: k.graceMinutes };
    }
    return undefined;
  }

  async function checkIn(
    input: { code: string; mobile: string },
    channel: DeskChannel,
  ): Promise<{ booking: Booking; ticket: IssuedTicket } | undefined> {
    const today = hallDate(now());
    if (!copy.dayKey(today)) return undefined;
    if (throttled()) throw OFFLINE_RATE_LIMITED;
    const mobile = checkMobile(input.mobile);
    if (!mobile.ok) return miss();
    const found = await find(input.code, mobile.value);
    if (!found) return miss();
    const { row, key, graceMinutes } = found;
    const cfg = deps.queueConfig();
    if (row.checkin_ticket_id) {
      // Asked again: the same offline ticket.
      const t = deps.tickets.get(row.checkin_ticket_id);
      if (t) return present(row, input.code, offlineTicket(t, cfg), cfg);
    }
    if (row.state === 'checked_in') throw OFFLINE_ALREADY_CHECKED_IN;
    if (row.day !== today) throw OFFLINE_NOT_TODAY;
    const times = { day: row.day, startMin: row.start_min, endMin: row.end_min };
    const rules = { graceMinutes, bookAheadDays: 0 };
    const at = now();
    if (isNoShow(times, at, rules)) throw OFFLINE_NO_SHOW;
    const service = cfg.services.find((s) => s.code === row.service_code);
    if (!service) throw OFFLINE_UNKNOWN_SERVICE;
    const late = isLate(times, at, rules);
    const proof = proofOf(key, row.booking_id, mobile.value, input.code);
    const issued = deps.db.transaction(() => {
      const t = deps.tickets.issue({
        id: uuidv7(),
        prefix: service.prefix,
        serviceCode: service.code,
        priority: late ? 'normal' : 'appointment',
        channel,
        at,
      });
      const recorded = copy.recordCheckIn({
        bookingId: row.booking_id,
        ticketId: t.id,
        at,
        late,
        channel,
        proof,
      });
      // Two desks at once on this station: the first keeps its ticket, this one is undone.
      if (!recorded) throw OFFLINE_ALREADY_CHECKED_IN;
      return t;
    })();
    const after = copy.get(row.booking_id) as CopyRow;
    return present(after, input.code, offlineTicket(issued, cfg), cfg);
  }

  return { checkIn };
}

function present(
  row: CopyRow,
  code: string,
  ticket: IssuedTicket,
  cfg: QueueConfig,
): { booking: Booking; ticket: IssuedTicket } {
  const service = cfg.services.find((s) => s.code === row.service_code);
  return {
    booking: {
      id: row.booking_id,
      code,
      day: row.day,
      slotId: row.slot_id,
      serviceCode: row.service_code,
      serviceName: service?.name ?? { zh: row.service_code, en: row.service_code },
      startMin: row.start_min,
      endMin: row.end_min,
      phoneMasked: row.phone_masked,
      channel: row.channel,
      state: 'checked_in',
      late: row.checkin_late === 1,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      bookedAt: bookedAtIso(row),
      checkedInAt: row.checkin_at === null ? null : toHallIso(row.checkin_at),
    },
    ticket,
  };
}
