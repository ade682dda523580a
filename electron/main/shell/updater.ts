import type { UpdateStatus } from '../../../shared/api/methods/core';

/** The part of electron-updater's AppUpdater the station uses (a fake in tests). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: string, listener: (info?: { version?: string }) => void): unknown;
}

export interface StationUpdater {
  status(): UpdateStatus;
  /** Quits and installs a downloaded update; only when someone asks for it (false otherwise). */
  installNow(): boolean;
  stop(): void;
}

export interface UpdaterOptions {
  updater: UpdaterLike;
  /** The generic-provider address (electron-builder.yml `publish`); none = updates off. */
  feedUrl: string | undefined;
  /** Told once a download is complete: "update ready, restart to install". */
  onReady: (status: UpdateStatus) => void;
  log: (line: string) => void;
  /** How often to look again (default every 4 hours). */
  checkEveryMs?: number;
}

/** https, or http on this machine only (a test server): an update is code the station runs. */
export function isAcceptableFeedUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Station updates with electron-updater: download in the background, install when the app quits
 * (autoInstallOnAppQuit) or when a supervisor asks, never in the middle of someone's work.
 */
export function startUpdater(opts: UpdaterOptions): StationUpdater {
  let status: UpdateStatus = { state: 'off' };
  const off: StationUpdater = { status: () => status, installNow: () => false, stop: () => {} };
  if (!opts.feedUrl) return off;
  if (!isAcceptableFeedUrl(opts.feedUrl)) {
    opts.log('更新地址无效 (update address refused): it must be https (http only on 127.0.0.1)');
    return off;
  }
  const { updater } = opts;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: opts.feedUrl });
  const version = (info?: { version?: string }) => (info?.version ? { version: info.version } : {});
  status = { state: 'idle' };
  updater.on('checking-for-update', () => {
    if (status.state !== 'ready') status = { state: 'checking' };
  });
  updater.on('update-not-available', () => {
    if (status.state !== 'ready') status = { state: 'idle' };
  });
  updater.on('update-available', (info) => (status = { state: 'downloading', ...version(info) }));
  updater.on('update-downloaded', (info) => {
    status = { state: 'ready', ...version(info) };
    opts.log(`update ready: ${status.version ?? 'new version'}, installed on restart`);
    opts.onReady(status);
  });
  updater.on('error', () => {
    // The error text may hold the address and local paths; the state says enough.
    if (status.state !== 'ready') status = { state: 'error' };
    opts.log('update check failed; trying again later');
  });
  const check = () => {
    updater.checkForUpdates().catch(() => undefined); // reported through 'error'
  };
  check();
  const timer = setInterval(check, opts.checkEveryMs ?? 4 * 3600_000);
  timer.unref();
  return {
    status: () => status,
    installNow: () => {
      if (status.state !== 'ready') return false;
      updater.quitAndInstall(false, true);
      return true;
    },
    stop: () => clearInterval(timer),
  };
}
