import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, BRIDGE_KEY } from '../../shared/api/channels';

// Sandboxed preload: one narrow object, one method; the main process checks every caller.
contextBridge.exposeInMainWorld(BRIDGE_KEY, {
  invoke: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(API_CHANNEL, String(method), input),
});
