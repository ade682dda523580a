import {
  CUSTOMER_TICKETS_LIMIT,
  type CustomerTicket,
  type CustomerTickets,
} from '../../shared/queue/customer-tickets';
import type { QueueOpParsed } from '../../shared/queue/protocol';
import type { Rating } from '../../shared/queue/schemas';
import { all, type Work } from '../store/work';
import { iso, type QueueCore, type TicketRow } from './core';

interface Row extends TicketRow {
  rating: Rating | null;
  attitude: number | null;
  quality: number | null;
  efficiency: number | null;
  rated_at: number | null;
}

/**
 * One customer's tickets in this hall, newest first, each with the kiosk's rating of it. The
 * hall comes from the device's token: another hall's device asking for these ids gets none.
 * No guide note and no kiosk draft: the timeline shows what happened, not what was said.
 */
export function* customerTickets(
  q: QueueCore,
  hall: string,
  input: QueueOpParsed<'customerTickets'>,
): Work<CustomerTickets> {
  const refs = [...new Set(input.customerRefs)];
  const config = yield* q.config(hall);
  const rows = yield* all<Row>(
    `SELECT t.*, r.rating, r.attitude, r.quality, r.efficiency, r.at AS rated_at
       FROM queue_tickets t LEFT JOIN queue_ratings r ON r.ticket_id = t.id
     WHERE t.hall_code = ? AND t.customer_ref IN (${refs.map(() => '?').join(',')})
     ORDER BY t.issued_at DESC, t.id DESC LIMIT ?`,
    hall,
    ...refs,
    CUSTOMER_TICKETS_LIMIT,
  );
  return { tickets: rows.map((r) => present(r, config.services)) };
}

function present(
  r: Row,
  services: readonly { code: string; name: CustomerTicket['serviceName'] }[],
): CustomerTicket {
  return {
    id: r.id,
    number: r.number,
    day: r.day,
    serviceCode: r.service_code,
    serviceName: services.find((s) => s.code === r.service_code)?.name ?? {
      zh: r.service_code,
      en: r.service_code,
    },
    state: r.state,
    issuedAt: iso(r.issued_at),
    calledAt: r.called_at === null ? null : iso(r.called_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    rating:
      r.rating === null || r.rated_at === null
        ? null
        : {
            rating: r.rating,
            attitude: r.attitude,
            quality: r.quality,
            efficiency: r.efficiency,
            at: iso(r.rated_at),
          },
  };
}
