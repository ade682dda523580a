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
export const EVENT_NAMES = ['sync.changed', 'queue.changed', 'session.ended'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
