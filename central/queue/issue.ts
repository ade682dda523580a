import { sealDraft, sealNote } from './draft-sealing';
import { hallDate } from '../../shared/hall-time';
import { ticketNumber } from '../../shared/queue/numbering';
import { weightOf } from '../../shared/queue/ordering';
import type { QueueOpParsed } from '../../shared/queue/protocol';
import type { IssuedTicket } from '../../shared/queue/schemas';
import { dialects, get, run, type Work } from '../store/work';
import { refuse, type QueueCore, type TicketRow } from './core';

/** Tickets waiting in the same service that will be called before `row`. */
const AHEAD = `WHERE hall_code = ? AND day = ? AND state = 'issued' AND service_code = ?
   AND (weight > ? OR (weight = ? AND (arrival_at < ? OR (arrival_at = ? AND rowid < ?))))`;

function* waitingAhead(row: TicketRow): Work<number> {
  return (
    (yield* get<{ n: number }>(
      dialects(
        `SELECT count(*) AS n FROM queue_tickets INDEXED BY queue_waiting ${AHEAD}`,
        `SELECT count(*) AS n FROM queue_tickets ${AHEAD}`,
      ),
      row.hall_code,
      row.day,
      row.service_code,
      row.weight,
      row.weight,
      row.arrival_at,
      row.arrival_at,
      row.rowid,
    ))?.n ?? 0
  );
}

/**
 * A new ticket (the hall's next daily number for the service, or an offline ticket merged
 * with its own number and issue time). Idempotent on the ticket id.
 */
export function* issue(
  q: QueueCore,
  hall: string,
  station: string,
  input: QueueOpParsed<'issue'>,
): Work<IssuedTicket> {
  {
    const config = yield* q.config(hall);
    let row = yield* q.row(hall, input.id);
    if (!row) {
      const service = q.service(config, input.serviceCode);
      const now = q.now();
      const today = hallDate(now);
      let number: string;
      let seq: number | null = null;
      let issuedAt = now;
      if (input.offline) {
        issuedAt = Math.min(Date.parse(input.offline.issuedAt), now);
        if (hallDate(issuedAt) !== today) throw refuse('conflict', 'stale_day', 'offline.issuedAt');
        number = input.offline.number;
      } else {
        // Taken and counted in one statement (the row stays locked until the end): two
        // guides issuing at once get two numbers. Over the cap, the refusal rolls it back.
        const taken = yield* get<{ last: number }>(
          `INSERT INTO queue_numbers (hall_code, day, prefix, last) VALUES (?, ?, ?, 1)
           ON CONFLICT (hall_code, day, prefix) DO UPDATE SET last = queue_numbers.last + 1
           RETURNING last`,
          hall,
          today,
          service.prefix,
        );
        seq = taken?.last ?? 1;
        if (seq > service.dailyCap) throw refuse('conflict', 'cap_reached', 'serviceCode');
        number = ticketNumber(service.prefix, seq);
      }
      yield* run(
        `INSERT INTO queue_tickets (id, hall_code, day, number, seq, service_code, priority,
           weight, channel, origin_station, offline, issued_at, queued_at, arrival_at, state,
           kiosk_draft, note, customer_ref)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?)`,
        input.id,
        hall,
        today,
        number,
        seq,
        service.code,
        input.priority,
        weightOf(config.weights, input.priority),
        input.channel,
        station,
        input.offline ? 1 : 0,
        issuedAt,
        issuedAt,
        issuedAt,
        input.kioskDraft ? sealDraft(q.cipher, input.kioskDraft) : null,
        sealNote(q.cipher, input.note),
        input.customerRef ?? null,
      );
      yield* q.event(hall, input.id, 'issue', null, now);
      row = (yield* q.row(hall, input.id)) as TicketRow;
    }
    const service = config.services.find((s) => s.code === row.service_code);
    const waiting = yield* q.waitingCount(hall, row.day, row.service_code);
    return {
      ...q.present(row, config),
      ahead: row.state === 'issued' ? yield* waitingAhead(row) : 0,
      warn: service ? waiting >= service.warnAt : false,
    };
  }
}
