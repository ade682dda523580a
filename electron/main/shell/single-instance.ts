import type { App, BrowserWindow } from 'electron';

type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;
type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

/**
 * One console per PC (one process on the station's database). Call before `whenReady`: a second
 * start quits at once (false) and the first instance, told by 'second-instance', comes to the
 * front instead.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  currentWindow: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
