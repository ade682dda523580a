import { z } from 'zod';
import { hallDate } from '../../shared/hall-time';
import {
  TicketStateSchema,
  UNDO_WINDOW_MS,
  type Ticket,
  type UndoAction,
} from '../../shared/queue/schemas';
import { run, type Work } from '../store/work';
import { notFound, refuse, type QueueCore, type TicketRow } from './core';

/**
 * Taking back a no-show or a transfer, and putting a no-show back in line.
 *
 * A no-show or transfer writes an undo record on the row: what it was before (state, serving
 * and finish times), by which counter, when, and for a transfer the new row's id. An undo
 * restores exactly that, inside the write lock, and only while nobody has acted since: the
 * record is still there, the ticket is still in the state the action left, the counter holds
 * no other ticket, and a transferred customer has not been called by another counter.
 */
const UndoRecordSchema = z.object({
  action: z.enum(['noShow', 'transfer']),
  at: z.number(),
  counter: z.string(),
  state: TicketStateSchema,
  servingAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  newId: z.string().optional(),
});
type UndoRecord = z.infer<typeof UndoRecordSchema>;

/** The record stored with the row as the action changes it. */
export function undoRecord(row: TicketRow, action: UndoAction, at: number, newId?: string): string {
  const record: UndoRecord = {
    action,
    at,
    counter: row.counter ?? '',
    state: row.state,
    servingAt: row.serving_at,
    finishedAt: row.finished_at,
    ...(newId ? { newId } : {}),
  };
  return JSON.stringify(record);
}

function readRecord(row: TicketRow): UndoRecord | null {
  if (!row.undo) return null;
  const parsed = UndoRecordSchema.safeParse(JSON.parse(row.undo));
  return parsed.success ? parsed.data : null;
}

const LEFT_BY: Record<UndoAction, TicketRow['state']> = {
  noShow: 'no_show',
  transfer: 'transferred',
};

export function* undo(
  q: QueueCore,
  hall: string,
  counter: string,
  input: { ticketId: string; action: UndoAction },
): Work<Ticket> {
  {
    const row = yield* q.lockedRow(hall, input.ticketId);
    if (!row) throw notFound();
    // Another counter holds it now (put back in line and called again): too late.
    if (row.counter !== counter) throw refuse('conflict', 'undo_superseded');
    const record = readRecord(row);
    // Asked again after a lost answer: the ticket is back at this counter already.
    if (!record && (row.state === 'called' || row.state === 'serving')) {
      return yield* q.ticket(hall, row.id);
    }
    if (!record || record.action !== input.action || row.state !== LEFT_BY[input.action]) {
      throw refuse('conflict', 'undo_superseded');
    }
    const now = q.now();
    if (now - record.at > UNDO_WINDOW_MS) throw refuse('conflict', 'undo_expired');
    if (input.action === 'transfer') {
      const moved = record.newId ? yield* q.lockedRow(hall, record.newId) : undefined;
      if (!moved || moved.state !== 'issued' || moved.call_count > 0) {
        throw refuse('conflict', 'undo_superseded');
      }
    }
    if (yield* q.active(hall, counter)) throw refuse('conflict', 'undo_counter_busy');
    if (input.action === 'transfer' && record.newId) {
      // Nothing else refers to the new row while it has never been called.
      yield* run('DELETE FROM queue_tickets WHERE id = ? AND hall_code = ?', record.newId, hall);
    }
    yield* run(
      'UPDATE queue_tickets SET state = ?, serving_at = ?, finished_at = ?, undo = NULL WHERE id = ?',
      record.state,
      record.servingAt,
      record.finishedAt,
      row.id,
    );
    yield* q.event(
      hall,
      row.id,
      input.action === 'noShow' ? 'undo_no_show' : 'undo_transfer',
      counter,
      now,
    );
    return yield* q.ticket(hall, row.id);
  }
}

/**
 * A customer who missed the call came back: today's no-show waits again in its service with
 * its number, priority and original arrival, so (as after a transfer) it keeps its place and is
 * the next one called in its priority group. It is called by `callNext` like any other ticket,
 * so the one-ticket-per-call guarantee holds. Any counter may put it back; repeating is safe.
 */
export function* requeue(q: QueueCore, hall: string, station: string, id: string): Work<Ticket> {
  {
    const row = yield* q.lockedRow(hall, id);
    if (!row) throw notFound();
    if (row.state === 'issued' && row.call_count > 0) return yield* q.ticket(hall, id);
    if (row.state !== 'no_show' || row.day !== hallDate(q.now())) {
      throw refuse('conflict', 'not_no_show');
    }
    yield* run(
      `UPDATE queue_tickets SET state = 'issued', counter = NULL, finished_at = NULL,
         call_request = NULL, undo = NULL WHERE id = ? AND state = 'no_show'`,
      id,
    );
    yield* q.event(hall, id, 'requeue', station, q.now());
    return yield* q.ticket(hall, id);
  }
}
