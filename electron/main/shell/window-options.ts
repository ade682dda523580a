import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowKind = 'console' | 'kiosk' | 'display';
export const WINDOW_KINDS: readonly WindowKind[] = ['console', 'kiosk', 'display'];

/**
 * The one factory for every window's options, so a test can hold each kind to the security
 * baseline (docs/architecture.md "Electron windows"): isolated, sandboxed, no Node, web
 * security on, no webviews.
 */
export function createWindowOptions(
  kind: WindowKind,
  preloadPath: string,
  /** `app.isPackaged`: an installed build never opens DevTools, whatever the window. */
  packaged: boolean,
): BrowserWindowConstructorOptions {
  const webPreferences: BrowserWindowConstructorOptions['webPreferences'] = {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: kind === 'console' && !packaged,
    // The hall display speaks each call; nobody is there to tap the screen first.
    ...(kind === 'display' ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
  };
  const base: BrowserWindowConstructorOptions = {
    show: false,
    backgroundColor: '#ffffff',
    title: '营业厅服务台',
    webPreferences,
  };
  if (kind === 'console') {
    return { ...base, width: 1440, height: 900, minWidth: 1024, minHeight: 700 };
  }
  // Customer-facing screens: full screen, no menu, no way out with the window frame.
  return {
    ...base,
    kiosk: kind === 'kiosk',
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    closable: kind !== 'kiosk',
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
  };
}
