import { EVENT_NAMES } from '../../../shared/api/channels';
import { parseEvent, type HallEvent } from '../../../shared/api/events';
import type { HallBridge } from './bridge';

/** What a transport tells the event client about one stream. */
export interface StreamHandlers {
  onOpen(): void;
  onEvent(event: HallEvent): void;
  /** The stream ended or failed: the client opens another with a new ticket. */
  onClosed(): void;
}

export interface Stream {
  close(): void;
}

/**
 * Server-sent events from the web host. EventSource's own reconnect would reuse a spent ticket,
 * so any error closes it and the client opens a new one.
 */
export function openHttpStream(ticket: string, h: StreamHandlers): Stream {
  const source = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    source.close();
  };
  source.onopen = () => h.onOpen();
  source.onmessage = (message: MessageEvent<string>) => {
    let raw: unknown;
    try {
      raw = JSON.parse(message.data);
    } catch {
      return;
    }
    const event = parseEvent(raw);
    if (event) h.onEvent(event);
  };
  source.onerror = () => {
    if (closed) return;
    close();
    h.onClosed();
  };
  return { close };
}

/** The preload's channel in Electron: one subscription per event name of the table. */
export function openIpcStream(bridge: HallBridge, ticket: string, h: StreamHandlers): Stream {
  if (!bridge.subscribe || !bridge.onStreamState || !bridge.openEvents) {
    queueMicrotask(() => h.onClosed());
    return { close: () => undefined };
  }
  let closed = false;
  const stops = EVENT_NAMES.map((name) =>
    bridge.subscribe!(name, (payload) => {
      const event = parseEvent({ name, payload });
      if (event && !closed) h.onEvent(event);
    }),
  );
  stops.push(
    bridge.onStreamState((state) => {
      if (closed) return;
      if (state === 'opened') return h.onOpen();
      close();
      h.onClosed();
    }),
  );
  function close() {
    closed = true;
    for (const stop of stops) stop();
  }
  bridge.openEvents(ticket);
  return { close };
}
