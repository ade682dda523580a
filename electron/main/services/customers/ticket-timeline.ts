import type { CustomerRecord } from '../../../../shared/api/methods/customers';
import { toHallIso } from '../../../../shared/hall-time';
import type { CustomerTicket, CustomerTickets } from '../../../../shared/queue/customer-tickets';
import type { TicketDemo } from '../queue/checklists';

type Timeline = CustomerRecord['timeline'];

/** The ticket part of a customer's timeline, as the hall's queue answered it (or did not). */
export type TicketPart =
  { state: 'hall'; tickets: CustomerTicket[] } | { state: 'unavailable' | 'off' };

/** The hall queue's look-up of a customer's tickets; absent when the station has no shared queue. */
export type TicketsOf = (customerRefs: string[]) => Promise<CustomerTickets>;

/**
 * Asks the hall's queue for the tickets issued under any of these ids. Whatever goes wrong (the
 * hub unreachable, a refusal) leaves the record with its local entries and says so: the record
 * is not an error page because the queue is away. The log line names no customer.
 */
export async function fetchTicketPart(
  ticketsOf: TicketsOf | undefined,
  refs: string[],
  log: (line: string) => void,
): Promise<TicketPart> {
  if (!ticketsOf) return { state: 'off' };
  try {
    return { state: 'hall', tickets: (await ticketsOf(refs)).tickets };
  } catch (err) {
    log(`customers: ticket part unavailable (${err instanceof Error ? err.name : 'error'})`);
    return { state: 'unavailable' };
  }
}

/** HH:MM of a hall-time ISO text. */
const clock = (iso: string | null): string => (iso === null ? '' : iso.slice(11, 16));

function ticketDetail(t: CustomerTicket): string {
  const times = t.calledAt ? ` ${clock(t.calledAt)}–${clock(t.finishedAt)}` : '';
  return `${t.serviceCode} ${t.state}${times}`;
}

function ratingDetail(r: NonNullable<CustomerTicket['rating']>): string {
  const scores = (['attitude', 'quality', 'efficiency'] as const)
    .filter((k) => r[k] !== null)
    .map((k) => `${k}:${r[k]}`);
  return [r.rating, ...scores].join(' ');
}

/**
 * 取号, 评价 and 引导演示 entries from the hall's tickets and the guide's demos recorded under
 * their numbers on the same hall day (ticket numbers start again each day). A demo names only
 * its steps done and the guide: its customer description and note stay on the guide's list.
 */
export function ticketEntries(tickets: CustomerTicket[], demos: TicketDemo[]): Timeline {
  const out: Timeline = [];
  const byNumberAndDay = new Map(tickets.map((t) => [`${t.number.toUpperCase()}|${t.day}`, t]));
  for (const t of tickets) {
    out.push({ at: t.issuedAt, kind: 'ticket', ref: t.number, detail: ticketDetail(t) });
    if (t.rating)
      out.push({ at: t.rating.at, kind: 'rating', ref: t.number, detail: ratingDetail(t.rating) });
  }
  for (const d of demos) {
    const t = byNumberAndDay.get(`${d.ticketNumber}|${d.day}`);
    if (!t) continue;
    out.push({
      at: toHallIso(d.at),
      kind: 'demo',
      ref: t.number,
      detail: `${d.stepsDone}/${d.stepsTotal} ${d.guide}`,
    });
  }
  return out;
}
