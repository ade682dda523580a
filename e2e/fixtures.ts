import { test as base, expect } from '@playwright/test';
import { CATALOGUE } from '../shared/catalogue';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type HostProcess } from './host-process';
import {
  startFakeIdReader,
  type FakeIdReader,
} from '../electron/main/services/id-reader/fake-reader';
import type { Session, StationRole } from '../shared/auth/schemas';
import {
  roleArgs,
  SESSION_HEADER,
  sessionInitScript,
  setupSupervisor,
  type SignInAs,
} from './staff-session';

export interface WebHostFixture {
  url: string;
  dbFile: string;
  /** Stops the web host process and starts a new one on the same database file and port. */
  restart(): Promise<void>;
  /** The signed-in staff session the page starts with (null: kiosk/display or `signIn: false`). */
  session: Session | null;
}

/**
 * The reference central system as its own process, for `test.use({ withCentral: true })`. Its
 * port is fixed before the web host starts (CENTRAL_URL), but nothing listens there until
 * start(): the console begins offline, as in a hall whose link is down.
 */
export interface CentralFixture {
  url: string;
  dbFile: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** POST to the admin API (/admin/advance, /admin/faults…) with the admin token. */
  admin(path: string, body: unknown): Promise<Response>;
}

const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const CENTRAL_URL = /central listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** A port nothing listens on right now (the OS picks it; we let it go at once). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Every test gets its own web host process on a fresh SQLite file, serving the built renderer. */
export const test = base.extend<{
  host: WebHostFixture;
  withCentral: boolean;
  central: CentralFixture;
  /** `test.use({ station: 'kiosk' })`: a kiosk or display station (no sign-in). */
  station: StationRole;
  /** Who the page is signed in as; `false` leaves the station at its first-run screen. */
  signIn: SignInAs;
  /** `test.use({ hallNow: '2026-09-30T10:00:00+08:00' })`: the services' clock starts there. */
  hallNow: string | undefined;
  /**
   * The catalogue version the services serve whatever the date (default the newest, which the
   * specs are written against); `null` = every shipped version, chosen by the hall date.
   */
  catalogueVersion: string | null;
  /** `test.use({ withIdReader: true })`: a fake 身份证阅读器 service the station is set up with. */
  withIdReader: boolean;
  /** That fake reader (null without `withIdReader`). */
  idReader: FakeIdReader | null;
}>({
  hallNow: [undefined, { option: true }],
  catalogueVersion: [CATALOGUE.version, { option: true }],
  withIdReader: [false, { option: true }],
  idReader: async ({ withIdReader }, use) => {
    const reader = withIdReader ? await startFakeIdReader() : null;
    await use(reader);
    await reader?.close();
  },
  station: ['staff', { option: true }],
  signIn: ['supervisor', { option: true }],
  withCentral: [false, { option: true }],
  central: async ({ withCentral }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-central-'));
    const dbFile = join(dir, 'central.db');
    const port = withCentral ? await freePort() : 0;
    const url = `http://127.0.0.1:${port}`;
    const adminToken = randomBytes(16).toString('hex');
    let proc: HostProcess | undefined;
    const fixture: CentralFixture = {
      url,
      dbFile,
      start: async () => {
        if (!withCentral)
          throw new Error('test.use({ withCentral: true }) to get a central system');
        if (proc) return;
        proc = await startProcess(
          'central/main.ts',
          // Demo mode's trust (the hosts enrol with the development secret), no advancing.
          ['--port', String(port), '--db', dbFile, '--demo', '--demo-interval', '0'],
          CENTRAL_URL,
          { CENTRAL_ADMIN_TOKEN: adminToken },
        );
      },
      stop: async () => {
        await proc?.stop();
        proc = undefined;
      },
      admin: (path, body) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify(body),
        }),
    };
    await use(fixture);
    await proc?.stop();
  },
  host: async (
    { withCentral, central, station, signIn, hallNow, catalogueVersion, idReader },
    use,
  ) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-'));
    const dbFile = join(dir, 'hall.db');
    // With a central system: sync quickly (HALL_SYNC_FAST), so tests wait seconds, not minutes.
    const env = {
      ...(withCentral ? { CENTRAL_URL: central.url, HALL_SYNC_FAST: '1', HALL_DEMO: '1' } : {}),
      ...(hallNow ? { HALL_NOW: hallNow } : {}),
      ...(catalogueVersion ? { HALL_CATALOGUE_VERSION: catalogueVersion } : {}),
      ...(idReader ? { HALL_ID_READER_URL: idReader.url } : {}),
    };
    const start = (port: string) =>
      startProcess(
        'electron/webhost/main.ts',
        ['--port', port, '--db', dbFile, ...roleArgs(station)],
        HOST_URL,
        env,
      );
    let proc: HostProcess = await start('0');
    // As a hall's first morning: the supervisor is created through the API and signs in.
    const session = station === 'staff' && signIn ? await setupSupervisor(proc.url) : null;
    const fixture: WebHostFixture = {
      url: proc.url,
      dbFile,
      session,
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
  // Only the spec's own API calls (page.request) carry the fixture's session. Never the browser
  // context's extraHTTPHeaders: Chromium puts those on the page's own fetches too, over the header
  // the renderer sends, so after a sign-out and someone else's sign-in every call of the page
  // still reached the services with the signed-out supervisor's token, was refused, and the
  // renderer locked its fresh session (the staff-accounts spec's lock screen).
  page: async ({ page, host, playwright }, use) => {
    const api = await playwright.request.newContext({
      baseURL: host.url,
      extraHTTPHeaders: host.session ? { [SESSION_HEADER]: host.session.token } : {},
    });
    Object.defineProperty(page, 'request', { value: api });
    await use(page);
    await api.dispose();
  },
  context: async ({ context, host }, use) => {
    if (host.session) {
      const entry = sessionInitScript(host.session);
      await context.addInitScript(({ key, value }) => {
        if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
      }, entry);
    }
    await use(context);
  },
});

export { expect };
