import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ERROR_HTTP_STATUS } from '../../shared/api/error-codes';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { StationEvents } from '../main/services/events/bus';

export type { StationEvents };

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
export const KEEPALIVE_MS = 25_000;

const BAD_TICKET: ApiErrorBody = {
  code: 'UNAUTHENTICATED',
  message: '事件通道的凭据无效或已过期，请重新连接',
  messageEn: 'The event stream ticket is invalid or expired; reconnect',
  field: 'ticket',
};

/**
 * `GET /api/events?ticket=…`: the station's pushed events as server-sent events, each a
 * `data:` line with `{name, payload}` (shared/api/events.ts). The ticket comes from
 * `events.ticket` (a POST with the session header) and is good once; the stream then carries
 * that caller's role and session, and ends when the session is ended or the services close.
 */
export function mountEventStream(app: Hono, source: () => StationEvents | null): void {
  app.get('/api/events', (c) => {
    const events = source();
    const subscriber = events?.open(c.req.query('ticket') ?? '') ?? null;
    if (!events || !subscriber)
      return c.json({ ok: false, error: BAD_TICKET }, ERROR_HTTP_STATUS.UNAUTHENTICATED);
    return streamSSE(c, async (stream) => {
      let finish = () => undefined as void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      // Writes in order, and all of them out before the stream closes.
      let writes = Promise.resolve();
      const write = (text: string) => {
        writes = writes.then(() => stream.write(text)).then(() => undefined, finish);
      };
      let id = 0;
      const unsubscribe = events.bus.subscribe(
        subscriber,
        (event) => {
          id += 1;
          write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
          // An ended session hears it once, then its stream closes.
          if (event.name === 'session.ended') finish();
        },
        () => finish(),
      );
      stream.onAbort(() => finish());
      const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
      // Opens the stream at once (the first bytes), so the page knows it is connected.
      write(': open\n\n');
      await done;
      clearInterval(keepalive);
      unsubscribe();
      await writes;
    });
  });
}
