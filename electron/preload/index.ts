import { contextBridge, ipcRenderer } from 'electron';
import {
  API_CHANNEL,
  BRIDGE_KEY,
  EVENTS_OPEN_CHANNEL,
  createEventSubscriptions,
} from '../../shared/api/channels';

const events = createEventSubscriptions(ipcRenderer);

// Sandboxed preload: one narrow object; the main process checks every caller.
contextBridge.exposeInMainWorld(BRIDGE_KEY, {
  // The session token is a separate argument: the main process resolves it, never the input.
  invoke: (method: string, input: unknown, session?: unknown): Promise<unknown> =>
    ipcRenderer.invoke(
      API_CHANNEL,
      String(method),
      input,
      typeof session === 'string' ? session : undefined,
    ),
  // Pushed events: open this window's stream with a ticket from `events.ticket`, then listen to
  // names of the event table only (shared/api/channels.ts refuses any other).
  openEvents: (ticket: unknown): void =>
    ipcRenderer.send(EVENTS_OPEN_CHANNEL, typeof ticket === 'string' ? ticket : ''),
  subscribe: events.subscribe,
  onStreamState: events.onStreamState,
});
