import { counterName } from '../../shared/queue/defaults';
import { hallDate } from '../../shared/hall-time';
import type { QueueOpParsed } from '../../shared/queue/protocol';
import type { Board, Ticket } from '../../shared/queue/schemas';
import { all, type Work } from '../store/work';
import { iso, SELECT_TICKET, type QueueCore, type TicketRow } from './core';

/** What screens read: today's tickets in calling order, and the hall display's board. */

export function* tickets(
  q: QueueCore,
  hall: string,
  input: QueueOpParsed<'tickets'>,
): Work<Ticket[]> {
  const config = yield* q.config(hall);
  const states = input.states ?? [];
  const rows = yield* all<TicketRow>(
    `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day = ?
     ${states.length ? `AND t.state IN (${states.map(() => '?').join(',')})` : ''}
     ORDER BY t.weight DESC, t.arrival_at, t.rowid LIMIT ?`,
    hall,
    hallDate(q.now()),
    ...states,
    input.limit,
  );
  return rows.map((r) => q.present(r, config));
}

export function* board(q: QueueCore, hall: string, limit: number): Work<Board> {
  const config = yield* q.config(hall);
  const now = q.now();
  const today = hallDate(now);
  const calls = yield* all<{
    id: number;
    kind: 'call' | 'recall';
    counter: string;
    at: number;
    number: string;
  }>(
    `SELECT e.id, e.kind, e.counter, e.at, t.number FROM queue_events e
       JOIN queue_tickets t ON t.id = e.ticket_id
     WHERE e.hall_code = ? AND e.kind IN ('call','recall') AND t.day = ?
     ORDER BY e.id DESC LIMIT ?`,
    hall,
    today,
    limit,
  );
  const services = [];
  for (const s of config.services) {
    const waiting = yield* q.waitingCount(hall, today, s.code);
    const issuedToday = yield* q.issuedToday(hall, today, s.prefix);
    services.push({
      code: s.code,
      prefix: s.prefix,
      name: s.name,
      waiting,
      issuedToday,
      dailyCap: s.dailyCap,
      warnAt: s.warnAt,
      warn: waiting >= s.warnAt,
      full: issuedToday >= s.dailyCap,
    });
  }
  return {
    calls: calls.map((c) => ({
      eventId: c.id,
      kind: c.kind,
      ticketNumber: c.number,
      counter: c.counter,
      counterName: counterName(config, c.counter),
      at: iso(c.at),
    })),
    services,
    serverTime: iso(now),
  };
}
