import { randomBytes } from 'node:crypto';
import type { Subscriber } from './bus';

/** A ticket must be used this soon after it was issued. */
export const TICKET_TTL_MS = 30_000;
const MAX_OPEN_TICKETS = 200;

/**
 * One-time tickets that open an event stream. The web host's EventSource cannot send the
 * session header, and a session token in a URL would outlive the request; a ticket is random,
 * used once and gone within 30 s.
 */
export function createTicketStore(now: () => number) {
  const tickets = new Map<string, { sub: Subscriber; expiresAt: number }>();

  function sweep(at: number): void {
    for (const [key, entry] of tickets) if (entry.expiresAt <= at) tickets.delete(key);
  }

  return {
    issue(sub: Subscriber): string {
      const at = now();
      sweep(at);
      // A page asking in a loop cannot grow the map: the oldest ticket goes.
      if (tickets.size >= MAX_OPEN_TICKETS) tickets.delete(tickets.keys().next().value as string);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { sub, expiresAt: at + TICKET_TTL_MS });
      return ticket;
    },
    /** The stream's subscriber, once; null for an unknown, used or expired ticket. */
    take(ticket: string): Subscriber | null {
      const entry = tickets.get(ticket);
      if (!entry) return null;
      tickets.delete(ticket);
      return entry.expiresAt > now() ? entry.sub : null;
    },
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
