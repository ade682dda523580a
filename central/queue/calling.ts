import { hallDate } from '../../shared/hall-time';
import type { QueueOpOutput, QueueOpParsed } from '../../shared/queue/protocol';
import type { Ticket } from '../../shared/queue/schemas';
import { notFound, refuse, SELECT_TICKET, type QueueCore, type TicketRow } from './core';
import { undoRecord } from './undo';

/** What a counter does with tickets: call, re-call, serve, no-show, cancel, transfer, finish. */

export function current(q: QueueCore, hall: string, counter: string): QueueOpOutput<'current'> {
  const row = q.active(hall, counter);
  return { ticket: row ? q.present(row, q.config(hall)) : null };
}

/**
 * Hands this counter the next waiting ticket of its services. Inside the IMMEDIATE
 * transaction no other counter can take the same one; a repeated request id gets the first
 * answer.
 */
export function callNext(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'callNext'>,
): { ticket: Ticket | null } {
  return q.tx(() => {
    const config = q.config(hall);
    const repeated = q
      .sql<[string, string], TicketRow>(
        `${SELECT_TICKET} WHERE t.call_request = ? AND t.hall_code = ?`,
      )
      .get(input.requestId, hall);
    if (repeated) return { ticket: q.present(repeated, config) };
    for (const code of input.services) q.service(config, code, 'services');
    if (q.active(hall, counter)) throw refuse('conflict', 'counter_busy');
    const now = q.now();
    // "Call my customer": only tickets issued for the manager's customers.
    const customers = input.customers ?? [];
    const mineOnly =
      customers.length > 0 ? ` AND customer_ref IN (${customers.map(() => '?').join(',')})` : '';
    const next = q
      .sql<unknown[], { id: string }>(
        `SELECT id FROM queue_tickets INDEXED BY queue_waiting
         WHERE hall_code = ? AND day = ? AND state = 'issued'
           AND service_code IN (${input.services.map(() => '?').join(',')})${mineOnly}
         ORDER BY weight DESC, arrival_at, rowid LIMIT 1`,
      )
      .get(hall, hallDate(now), ...input.services, ...customers);
    if (!next) return { ticket: null };
    const changed = q
      .sql(
        `UPDATE queue_tickets SET state = 'called', counter = ?, called_at = ?, call_count = 1,
           call_request = ? WHERE id = ? AND state = 'issued'`,
      )
      .run(counter, now, input.requestId, next.id).changes;
    // Inside an IMMEDIATE transaction nobody else can have taken it; this is the tripwire.
    if (changed !== 1) throw new Error('queue: a waiting ticket changed under the write lock');
    q.event(hall, next.id, 'call', counter, now);
    return { ticket: q.present(q.row(hall, next.id) as TicketRow, config) };
  });
}

export function recall(q: QueueCore, hall: string, counter: string, id: string): Ticket {
  return q.tx(() => {
    q.held(hall, counter, id, ['called']);
    const now = q.now();
    q.sql('UPDATE queue_tickets SET call_count = call_count + 1 WHERE id = ?').run(id);
    q.event(hall, id, 'recall', counter, now);
    return q.ticket(hall, id);
  });
}

export function serve(q: QueueCore, hall: string, counter: string, id: string): Ticket {
  return q.tx(() => {
    const row = q.held(hall, counter, id, ['called', 'serving']);
    if (row.state === 'called') {
      q.sql("UPDATE queue_tickets SET state = 'serving', serving_at = ? WHERE id = ?").run(
        q.now(),
        id,
      );
      q.event(hall, id, 'serve', counter, q.now());
    }
    return q.ticket(hall, id);
  });
}

export function noShow(q: QueueCore, hall: string, counter: string, id: string): Ticket {
  return q.tx(() => {
    const row = q.held(hall, counter, id, ['called', 'no_show']);
    if (row.state === 'called') {
      q.sql(
        "UPDATE queue_tickets SET state = 'no_show', finished_at = ?, undo = ? WHERE id = ?",
      ).run(q.now(), undoRecord(row, 'noShow', q.now()), id);
      q.event(hall, id, 'no_show', counter, q.now());
    }
    return q.ticket(hall, id);
  });
}

/** The guide voids a waiting ticket (the customer left before being called). */
export function cancel(q: QueueCore, hall: string, station: string, id: string): Ticket {
  return q.tx(() => {
    const row = q.row(hall, id);
    if (!row) throw notFound();
    if (row.state === 'cancelled') return q.ticket(hall, id);
    if (row.state !== 'issued') throw refuse('conflict', 'wrong_state');
    q.sql("UPDATE queue_tickets SET state = 'cancelled', finished_at = ? WHERE id = ?").run(
      q.now(),
      id,
    );
    q.event(hall, id, 'cancel', station, q.now());
    return q.ticket(hall, id);
  });
}

/**
 * Sends the customer on to another service with the same number: this row ends as
 * `transferred`, a new row waits in the other service, keeping the original arrival time so
 * the customer does not go to the back of the line.
 */
export function transfer(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'transfer'>,
): Ticket {
  return q.tx(() => {
    const existing = q.row(hall, input.newId);
    if (existing?.transferred_from === input.ticketId) return q.ticket(hall, input.newId);
    const row = q.held(hall, counter, input.ticketId, ['called', 'serving']);
    const config = q.config(hall);
    const target = q.service(config, input.toService, 'toService');
    if (target.code === row.service_code) throw refuse('conflict', 'wrong_state', 'toService');
    const now = q.now();
    q.sql(
      `UPDATE queue_tickets SET state = 'transferred', finished_at = ?,
         serving_at = coalesce(serving_at, ?), undo = ? WHERE id = ?`,
    ).run(now, now, undoRecord(row, 'transfer', now, input.newId), row.id);
    q.sql(
      `INSERT INTO queue_tickets (id, hall_code, day, number, seq, service_code, priority,
         weight, channel, origin_station, offline, issued_at, queued_at, arrival_at, state,
         transferred_from, kiosk_draft, kiosk_application_id, application_ids, note, customer_ref)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    q.event(hall, row.id, 'transfer', counter, now);
    return q.ticket(hall, input.newId);
  });
}

export function finish(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'finish'>,
): Ticket {
  return q.tx(() => {
    const row = q.held(hall, counter, input.ticketId, ['called', 'serving', 'done']);
    if (row.state !== 'done') {
      const now = q.now();
      const apps = [...new Set([...JSON.parse(row.application_ids), ...input.applicationIds])];
      q.sql(
        `UPDATE queue_tickets SET state = 'done', finished_at = ?,
           serving_at = coalesce(serving_at, called_at), services_done = ?, application_ids = ?
         WHERE id = ?`,
      ).run(now, JSON.stringify(input.servicesDone), JSON.stringify(apps), row.id);
      q.event(hall, row.id, 'finish', counter, now);
    }
    return q.ticket(hall, row.id);
  });
}
