import { hallDate } from '../../shared/hall-time';
import type { QueueOpOutput, QueueOpParsed } from '../../shared/queue/protocol';
import type { Ticket } from '../../shared/queue/schemas';
import { dialects, get, run, type Work } from '../store/work';
import { notFound, refuse, SELECT_TICKET, type QueueCore, type TicketRow } from './core';
import { undoRecord } from './undo';

/** What a counter does with tickets: call, re-call, serve, no-show, cancel, transfer, finish. */

export function* current(
  q: QueueCore,
  hall: string,
  counter: string,
): Work<QueueOpOutput<'current'>> {
  const row = yield* q.active(hall, counter);
  return { ticket: row ? q.present(row, yield* q.config(hall)) : null };
}

/** The next waiting ticket of these services, in calling order. */
const nextWaiting = (services: number, customers: number) => {
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const mineOnly = customers > 0 ? ` AND customer_ref IN (${marks(customers)})` : '';
  const where = `hall_code = ? AND day = ? AND state = 'issued'
           AND service_code IN (${marks(services)})${mineOnly}`;
  return dialects(
    `SELECT id FROM queue_tickets INDEXED BY queue_waiting WHERE ${where}
       ORDER BY weight DESC, arrival_at, rowid LIMIT 1`,
    // Counters of other processes skip a ticket one of them is taking, instead of waiting on it.
    `SELECT id FROM queue_tickets WHERE ${where}
       ORDER BY weight DESC, arrival_at, rowid LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
};

/**
 * Hands this counter the next waiting ticket of its services. The work runs as one write
 * transaction (SQLite: IMMEDIATE; PostgreSQL: the row taken FOR UPDATE SKIP LOCKED), so no
 * other counter can take the same one; a repeated request id gets the first answer.
 */
export function* callNext(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'callNext'>,
): Work<{ ticket: Ticket | null }> {
  const config = yield* q.config(hall);
  const repeated = yield* get<TicketRow>(
    `${SELECT_TICKET} WHERE t.call_request = ? AND t.hall_code = ?`,
    input.requestId,
    hall,
  );
  if (repeated) return { ticket: q.present(repeated, config) };
  for (const code of input.services) q.service(config, code, 'services');
  if (yield* q.active(hall, counter)) throw refuse('conflict', 'counter_busy');
  const now = q.now();
  // "Call my customer": only tickets issued for the manager's customers.
  const customers = input.customers ?? [];
  const next = yield* get<{ id: string }>(
    nextWaiting(input.services.length, customers.length),
    hall,
    hallDate(now),
    ...input.services,
    ...customers,
  );
  if (!next) return { ticket: null };
  const { changes } = yield* run(
    `UPDATE queue_tickets SET state = 'called', counter = ?, called_at = ?, call_count = 1,
       call_request = ? WHERE id = ? AND state = 'issued'`,
    counter,
    now,
    input.requestId,
    next.id,
  );
  // Inside the write transaction nobody else can have taken it; this is the tripwire.
  if (changes !== 1) throw new Error('queue: a waiting ticket changed under the write lock');
  yield* q.event(hall, next.id, 'call', counter, now);
  return { ticket: q.present((yield* q.row(hall, next.id)) as TicketRow, config) };
}

export function* recall(q: QueueCore, hall: string, counter: string, id: string): Work<Ticket> {
  yield* q.held(hall, counter, id, ['called']);
  const now = q.now();
  yield* run('UPDATE queue_tickets SET call_count = call_count + 1 WHERE id = ?', id);
  yield* q.event(hall, id, 'recall', counter, now);
  return yield* q.ticket(hall, id);
}

export function* serve(q: QueueCore, hall: string, counter: string, id: string): Work<Ticket> {
  const row = yield* q.held(hall, counter, id, ['called', 'serving']);
  if (row.state === 'called') {
    yield* run(
      "UPDATE queue_tickets SET state = 'serving', serving_at = ? WHERE id = ?",
      q.now(),
      id,
    );
    yield* q.event(hall, id, 'serve', counter, q.now());
  }
  return yield* q.ticket(hall, id);
}

export function* noShow(q: QueueCore, hall: string, counter: string, id: string): Work<Ticket> {
  const row = yield* q.held(hall, counter, id, ['called', 'no_show']);
  if (row.state === 'called') {
    yield* run(
      "UPDATE queue_tickets SET state = 'no_show', finished_at = ?, undo = ? WHERE id = ?",
      q.now(),
      undoRecord(row, 'noShow', q.now()),
      id,
    );
    yield* q.event(hall, id, 'no_show', counter, q.now());
  }
  return yield* q.ticket(hall, id);
}

/** The guide voids a waiting ticket (the customer left before being called). */
export function* cancel(q: QueueCore, hall: string, station: string, id: string): Work<Ticket> {
  const row = yield* q.lockedRow(hall, id);
  if (!row) throw notFound();
  if (row.state === 'cancelled') return yield* q.ticket(hall, id);
  if (row.state !== 'issued') throw refuse('conflict', 'wrong_state');
  yield* run(
    "UPDATE queue_tickets SET state = 'cancelled', finished_at = ? WHERE id = ?",
    q.now(),
    id,
  );
  yield* q.event(hall, id, 'cancel', station, q.now());
  return yield* q.ticket(hall, id);
}

/**
 * Sends the customer on to another service with the same number: this row ends as
 * `transferred`, a new row waits in the other service, keeping the original arrival time so
 * the customer does not go to the back of the line.
 */
export function* transfer(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'transfer'>,
): Work<Ticket> {
  const existing = yield* q.row(hall, input.newId);
  if (existing?.transferred_from === input.ticketId) return yield* q.ticket(hall, input.newId);
  const row = yield* q.held(hall, counter, input.ticketId, ['called', 'serving']);
  const config = yield* q.config(hall);
  const target = q.service(config, input.toService, 'toService');
  if (target.code === row.service_code) throw refuse('conflict', 'wrong_state', 'toService');
  const now = q.now();
  yield* run(
    `UPDATE queue_tickets SET state = 'transferred', finished_at = ?,
       serving_at = coalesce(serving_at, ?), undo = ? WHERE id = ?`,
    now,
    now,
    undoRecord(row, 'transfer', now, input.newId),
    row.id,
  );
  yield* run(
    `INSERT INTO queue_tickets (id, hall_code, day, number, seq, service_code, priority,
       weight, channel, origin_station, offline, issued_at, queued_at, arrival_at, state,
       transferred_from, kiosk_draft, kiosk_application_id, application_ids, note, customer_ref)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?)`,
    input.newId,
    hall,
    row.day,
    row.number,
    target.code,
    row.priority,
    row.weight,
    row.channel,
    row.origin_station,
    row.offline,
    row.issued_at,
    now,
    row.arrival_at,
    row.id,
    row.kiosk_draft,
    null,
    row.application_ids,
    row.note,
    row.customer_ref,
  );
  yield* q.event(hall, row.id, 'transfer', counter, now);
  return yield* q.ticket(hall, input.newId);
}

export function* finish(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'finish'>,
): Work<Ticket> {
  const row = yield* q.held(hall, counter, input.ticketId, ['called', 'serving', 'done']);
  if (row.state !== 'done') {
    const now = q.now();
    const apps = [...new Set([...JSON.parse(row.application_ids), ...input.applicationIds])];
    yield* run(
      `UPDATE queue_tickets SET state = 'done', finished_at = ?,
         serving_at = coalesce(serving_at, called_at), services_done = ?, application_ids = ?
       WHERE id = ?`,
      now,
      JSON.stringify(input.servicesDone),
      JSON.stringify(apps),
      row.id,
    );
    yield* q.event(hall, row.id, 'finish', counter, now);
  }
  return yield* q.ticket(hall, row.id);
}
