import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL } from '../../../shared/api/channels';
import type { Dispatch } from '../../../shared/api/dispatcher';
import { isTrustedSender } from './navigation-policy';

/** The IPC binding of the one dispatcher; every call's sender frame is checked first. */
export function bindIpc(ipcMain: IpcMain, dispatch: Dispatch): void {
  ipcMain.handle(
    API_CHANNEL,
    (event: IpcMainInvokeEvent, method: unknown, input: unknown, session: unknown) => {
      const frame = event.senderFrame;
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      if (!isTrustedSender(frame?.url, isMainFrame)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: '拒绝来自未知页面的调用',
            messageEn: 'Caller not trusted',
          },
        };
      }
      return dispatch(typeof method === 'string' ? method : '', input, {
        transport: 'ipc',
        actor: 'station',
        ...(typeof session === 'string' && session.length > 0 ? { session } : {}),
      });
    },
  );
}
