import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, EVENTS_OPEN_CHANNEL } from '../../../shared/api/channels';
import type { StationEvents } from '../services/events/bus';
import { isTrustedSender } from './navigation-policy';

/**
 * The Electron binding of the pushed events: a window opens its stream with a ticket from
 * `events.ticket` (as the web host's EventSource does), and gets the events its role and
 * session may see through `webContents.send`. One stream per window; a new ticket replaces it.
 */
export function bindEvents(ipcMain: IpcMain, events: () => StationEvents | null): void {
  const open = new Map<WebContents, () => void>();

  ipcMain.on(EVENTS_OPEN_CHANNEL, (event: IpcMainEvent, ticket: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) return;
    const contents = event.sender;
    open.get(contents)?.();
    const tell = (message: unknown) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
    };
    const source = events();
    const subscriber = typeof ticket === 'string' ? (source?.open(ticket) ?? null) : null;
    if (!source || !subscriber) return tell({ stream: 'closed' });
    let stopped = false;
    const stop = (say: boolean) => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      open.delete(contents);
      if (say) tell({ stream: 'closed' });
    };
    const unsubscribe = source.bus.subscribe(
      subscriber,
      (hallEvent) => {
        tell(hallEvent);
        // An ended session hears it once, then its stream closes.
        if (hallEvent.name === 'session.ended') stop(true);
      },
      () => stop(true),
    );
    open.set(contents, () => stop(false));
    contents.once('destroyed', () => stop(false));
    tell({ stream: 'opened' });
  });
}
