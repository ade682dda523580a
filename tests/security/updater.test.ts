import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/api/methods/core';
import {
  isAcceptableFeedUrl,
  startUpdater,
  type UpdaterLike,
} from '../../electron/main/shell/updater';
import { testLog } from '../support/test-log';

/** A stand-in for electron-updater's autoUpdater that records calls and fires events on demand. */
function fakeUpdater() {
  const listeners = new Map<string, ((info?: { version?: string }) => void)[]>();
  const calls: string[] = [];
  const updater: UpdaterLike = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: (o) => void calls.push(`feed ${o.provider} ${o.url}`),
    checkForUpdates: async () => void calls.push('check'),
    quitAndInstall: (silent, runAfter) => void calls.push(`quitAndInstall ${silent} ${runAfter}`),
    on: (event, fn) => listeners.set(event, [...(listeners.get(event) ?? []), fn]),
  };
  const emit = (event: string, info?: { version?: string }) =>
    listeners.get(event)?.forEach((fn) => fn(info));
  return { updater, calls, emit };
}

describe('station updater (electron-updater, fed a fake)', () => {
  it('is off without an address or with a plain-http remote one, and never installs', () => {
    for (const feedUrl of [undefined, 'http://updates.example.cn/hall/', 'not a url']) {
      const { updater, calls } = fakeUpdater();
      const u = startUpdater({ updater, feedUrl, onReady: () => {}, log: testLog });
      expect(u.status()).toEqual({ state: 'off' });
      expect(u.installNow()).toBe(false);
      expect(calls).toEqual([]);
    }
    expect(isAcceptableFeedUrl('https://updates.example.cn/hall/')).toBe(true);
    expect(isAcceptableFeedUrl('http://127.0.0.1:8080/')).toBe(true);
  });

  it('downloads in the background, says "ready" once, installs only when asked', () => {
    const { updater, calls, emit } = fakeUpdater();
    const ready: UpdateStatus[] = [];
    const u = startUpdater({
      updater,
      feedUrl: 'https://updates.example.cn/hall/',
      onReady: (s) => ready.push(s),
      log: testLog,
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(calls).toEqual(['feed generic https://updates.example.cn/hall/', 'check']);
    expect(u.installNow()).toBe(false); // nothing downloaded yet
    emit('checking-for-update');
    expect(u.status().state).toBe('checking');
    emit('update-available', { version: '0.2.0' });
    expect(u.status()).toEqual({ state: 'downloading', version: '0.2.0' });
    expect(calls.some((c) => c.startsWith('quitAndInstall'))).toBe(false);
    emit('update-downloaded', { version: '0.2.0' });
    expect(u.status()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(ready).toEqual([{ state: 'ready', version: '0.2.0' }]);
    // A later failed check does not hide a downloaded update.
    emit('error');
    emit('update-not-available');
    expect(u.status().state).toBe('ready');
    expect(calls.filter((c) => c.startsWith('quitAndInstall'))).toEqual([]);
    expect(u.installNow()).toBe(true);
    expect(calls.at(-1)).toBe('quitAndInstall false true');
    u.stop();
  });
});
