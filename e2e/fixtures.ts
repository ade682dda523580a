import { test as base, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type HostProcess } from './host-process';

export interface WebHostFixture {
  url: string;
  dbFile: string;
  /** Stops the web host process and starts a new one on the same database file and port. */
  restart(): Promise<void>;
}

const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;

/** Every test gets its own web host process on a fresh SQLite file, serving the built renderer. */
export const test = base.extend<{ host: WebHostFixture }>({
  // Playwright requires an object pattern here even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-'));
    const dbFile = join(dir, 'hall.db');
    const start = (port: string) =>
      startProcess('electron/webhost/main.ts', ['--port', port, '--db', dbFile], HOST_URL);
    let proc: HostProcess = await start('0');
    const fixture: WebHostFixture = {
      url: proc.url,
      dbFile,
      restart: async () => {
        const port = new URL(proc.url).port;
        await proc.stop();
        proc = await start(port);
      },
    };
    await use(fixture);
    await proc.stop();
  },
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
});

export { expect };
