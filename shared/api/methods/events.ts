import { z } from 'zod';
import { Empty } from './core';

/** Pushed events (shared/api/events.ts): the ticket that opens a screen's event stream. */
export const eventsMethods = {
  /**
   * A one-time ticket (valid 30 s) that opens this caller's event stream: `GET /events?ticket=`
   * in the web host (an EventSource cannot send the session header), the preload's
   * `openEvents(ticket)` in Electron. The stream carries the caller's role and session.
   */
  'events.ticket': {
    input: Empty,
    output: z.object({ ticket: z.string().min(20).max(100) }).strict(),
  },
} as const;
