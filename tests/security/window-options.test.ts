import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_KINDS } from '../../electron/main/shell/window-options';

describe('window options factory', () => {
  for (const kind of WINDOW_KINDS) {
    it(`${kind} window follows the security baseline`, () => {
      const options = createWindowOptions(kind, '/app/preload/index.cjs', true);
      const web = options.webPreferences ?? {};
      expect(web.contextIsolation).toBe(true);
      expect(web.sandbox).toBe(true);
      expect(web.nodeIntegration).toBe(false);
      expect(web.nodeIntegrationInWorker).toBe(false);
      expect(web.nodeIntegrationInSubFrames).toBe(false);
      expect(web.webSecurity).toBe(true);
      expect(web.allowRunningInsecureContent).toBe(false);
      expect(web.webviewTag).toBe(false);
      expect(web.experimentalFeatures).toBe(false);
      expect(web.navigateOnDragDrop).toBe(false);
      expect(web.preload).toBe('/app/preload/index.cjs');
    });
  }

  it('customer-facing windows are full screen without a frame and without devtools', () => {
    for (const kind of ['kiosk', 'display'] as const) {
      const options = createWindowOptions(kind, '/p.cjs', false);
      expect(options.fullscreen).toBe(true);
      expect(options.frame).toBe(false);
      expect(options.webPreferences?.devTools).toBe(false);
    }
    expect(createWindowOptions('kiosk', '/p.cjs', false).kiosk).toBe(true);
    expect(createWindowOptions('kiosk', '/p.cjs', false).closable).toBe(false);
  });

  it('DevTools only for the console window of a development build, never when packaged', () => {
    const devTools = (kind: (typeof WINDOW_KINDS)[number], packaged: boolean) =>
      createWindowOptions(kind, '/p.cjs', packaged).webPreferences?.devTools;
    expect(WINDOW_KINDS.map((k) => devTools(k, true))).toEqual([false, false, false]);
    expect(WINDOW_KINDS.map((k) => devTools(k, false))).toEqual([true, false, false]);
  });
});
