/** IPC channel names: the only thing the preload imports besides electron. */
export const API_CHANNEL = 'hall:api';
/** Main process to window: update ready, and the pushed events of shared/api/events.ts. */
export const EVENT_CHANNEL = 'hall:event';
/** Window to main process: open this window's event stream with a ticket (`events.ticket`). */
export const EVENTS_OPEN_CHANNEL = 'hall:events.open';
export const BRIDGE_KEY = 'hallApi';

/**
 * The names of the pushed events. The preload accepts a subscription only for one of these;
 * shared/api/events.ts gives each its payload schema and audience (the compiler keeps the two
 * lists equal).
 */
export const EVENT_NAMES = [
  'sync.changed',
  'queue.changed',
  'session.ended',
  'alerts.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);

/** What the main process sends on EVENT_CHANNEL about the stream itself. */
export type StreamState = 'opened' | 'closed';

/** The part of ipcRenderer the preload's subscriptions use. */
export interface EventIpc {
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

/**
 * The preload's `subscribe` and `onStreamState`, over ipcRenderer: a subscription is accepted
 * only for a name of the event table (anything else throws), and hands the page only the
 * messages of that name. Here rather than in the preload so that it can be tested without Electron.
 */
export function createEventSubscriptions(ipc: EventIpc) {
  const listen = (pick: (message: unknown) => void): (() => void) => {
    const handler = (_event: unknown, message: unknown) => pick(message);
    ipc.on(EVENT_CHANNEL, handler);
    return () => void ipc.removeListener(EVENT_CHANNEL, handler);
  };
  const field = (message: unknown, key: string): unknown =>
    typeof message === 'object' && message !== null
      ? (message as Record<string, unknown>)[key]
      : undefined;
  return {
    subscribe(name: unknown, listener: (payload: unknown) => void): () => void {
      if (!isEventName(name)) throw new Error(`unknown event: ${String(name).slice(0, 40)}`);
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      return listen((message) => {
        if (field(message, 'name') === name) listener(field(message, 'payload'));
      });
    },
    onStreamState(listener: (state: StreamState) => void): () => void {
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      return listen((message) => {
        const state = field(message, 'stream');
        if (state === 'opened' || state === 'closed') listener(state);
      });
    },
  };
}
