import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startCentral, type CentralHandle, type CentralOptions } from '../../central/server';
import { postgresMissing, startPostgres, type PostgresServer } from './postgres';

export type CentralEngine = 'sqlite' | 'postgres';

/** The central system of the running test and its temporary folder. */
export interface RunningCentral {
  readonly central: CentralHandle;
  readonly dir: string;
}

interface Slot {
  central?: CentralHandle;
  dir?: string;
}

function running(slot: Slot): RunningCentral {
  return {
    get central() {
      if (!slot.central) throw new Error('no central system outside a test');
      return slot.central;
    },
    get dir() {
      if (!slot.dir) throw new Error('no test folder outside a test');
      return slot.dir;
    },
  };
}

/** Starts a central system before each test of the current block and removes it after. */
function perTest(
  slot: Slot,
  prefix: string,
  dbFile: (dir: string) => string | Promise<string>,
  options: Partial<CentralOptions>,
): void {
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    slot.dir = dir;
    slot.central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: await dbFile(dir),
      keyFile: join(dir, 'hub-keys.json'),
      ...options,
    });
  });
  afterEach(async () => {
    await slot.central?.close();
    slot.central = undefined;
    if (slot.dir) rmSync(slot.dir, { recursive: true, force: true });
    slot.dir = undefined;
  });
}

/**
 * A central system of its own for each test (development registration secret allowed) on a
 * SQLite store in a temporary folder named after `prefix`; closed and removed after the test.
 * `options` go on to startCentral.
 */
export function centralPerTest(
  prefix: string,
  options: Partial<CentralOptions> = {},
): RunningCentral {
  const slot: Slot = {};
  perTest(slot, prefix, (dir) => join(dir, 'central.db'), options);
  return running(slot);
}

/**
 * The same, on each store a central suite runs on: SQLite always, and PostgreSQL when a
 * throwaway server can start (one for the test file, stopped after it); otherwise the suite
 * says why and runs on SQLite alone. Call at the top of the file, then `onEngine(engine)` inside
 * `describe.each(engines)`.
 */
export function centralOnEachStore(suite: string, prefix: string) {
  const missing = postgresMissing();
  if (missing) console.log(`${suite} on PostgreSQL skipped: ${missing}`);
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    if (!missing) server = await startPostgres({ settings: { fsync: 'off' } });
  });
  afterAll(() => server?.stop());
  const slot: Slot = {};
  const engines: CentralEngine[] = missing ? ['sqlite'] : ['sqlite', 'postgres'];
  return Object.assign(running(slot), {
    engines,
    onEngine(engine: CentralEngine): void {
      perTest(
        slot,
        prefix,
        async (dir) =>
          engine === 'postgres' && server ? server.freshDatabase() : join(dir, 'central.db'),
        {},
      );
    },
  });
}
