import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import { claimSingleInstance } from '../../electron/main/shell/single-instance';
import { launchOptions } from '../../electron/main/shell/launch-options';

/** Just enough of Electron's app: the lock answer and the listeners it gets. */
function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((name: string, fn: () => void) => listeners.set(name, fn)),
  };
  return { app: app as unknown as App, raw: app, fire: (name: string) => listeners.get(name)?.() };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  return {
    calls,
    window: {
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    },
  };
}

describe('single instance (fed a fake app)', () => {
  it('a second instance quits at once and registers nothing', () => {
    const { app, raw } = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(raw.quit).toHaveBeenCalledTimes(1);
    expect(raw.on).not.toHaveBeenCalled();
  });

  it('the first instance stays and comes to the front (restored if minimised) on a second start', () => {
    const { app, raw, fire } = fakeApp(true);
    const { window, calls } = fakeWindow(true);
    expect(claimSingleInstance(app, () => window)).toBe(true);
    expect(raw.quit).not.toHaveBeenCalled();
    fire('second-instance');
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second start before the window exists does nothing', () => {
    const { app, fire } = fakeApp(true);
    claimSingleInstance(app, () => undefined);
    expect(() => fire('second-instance')).not.toThrow();
  });
});

describe('Electron launch options', () => {
  it('reads --update-url and --config (both spellings), HALL_UPDATE_URL as a fallback', () => {
    expect(
      launchOptions(['electron', '.', '--update-url', 'https://u/x', '--config=/c.json'], {}),
    ).toEqual({
      updateUrl: 'https://u/x',
      configPath: '/c.json',
    });
    expect(launchOptions(['electron', '.'], { HALL_UPDATE_URL: 'https://env/u' })).toEqual({
      updateUrl: 'https://env/u',
      configPath: null,
    });
    expect(launchOptions(['electron', '.'], {})).toEqual({
      updateUrl: undefined,
      configPath: null,
    });
  });
});

describe('the Electron entry point (read as source: it cannot run outside Electron)', () => {
  it('claims the single-instance lock before anything else and waits for whenReady only inside it', () => {
    const source = readFileSync(join(import.meta.dirname, '../../electron/main/index.ts'), 'utf8');
    const claim = source.indexOf('if (claimSingleInstance(app,');
    const ready = source.indexOf('app.whenReady()');
    expect(claim).toBeGreaterThan(-1);
    expect(ready).toBeGreaterThan(claim);
    // Exactly one whenReady, inside the block the claim opens (a second instance never gets there).
    expect(source.split('app.whenReady()')).toHaveLength(2);
    const block = source.slice(claim, source.indexOf('\n}\n', claim));
    expect(block).toContain('app.whenReady()');
    // Nothing creates a window or opens DevTools outside the shared window options.
    expect(source).not.toMatch(/openDevTools|toggleDevTools/);
  });
});
