import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, BRIDGE_KEY } from '../../shared/api/channels';

// Sandboxed preload: one narrow object, one method; the main process checks every caller.
contextBridge.exposeInMainWorld(BRIDGE_KEY, {
  // The session token is a separate argument: the main process resolves it, never the input.
  invoke: (method: string, input: unknown, session?: unknown): Promise<unknown> =>
    ipcRenderer.invoke(
      API_CHANNEL,
      String(method),
      input,
      typeof session === 'string' ? session : undefined,
    ),
});
