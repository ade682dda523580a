import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import { CATALOGUE } from '../../../../shared/catalogue';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { createServices, type Services, type ServicesOptions } from '../createServices';
import { testLog } from '../../../../tests/support/test-log';

export interface InProcessServices {
  /** The services of the running test, on their own SQLite file. */
  readonly services: Services;
  /** Dispatches as the trusted in-process caller; a refusal throws with its error body. */
  call<T>(method: string, input: unknown): Promise<T>;
  /** Dispatches expecting a refusal; its error body (a success throws). */
  fails(method: string, input: unknown): Promise<ApiErrorBody>;
}

export interface HarnessOptions {
  /** Temporary directory name prefix, e.g. 'hall-receipt-'. */
  prefix: string;
  /** Who the calls are made as (audit rows and ownership checks name them). */
  actor: string;
  /** Added to the defaults (clock, station code, …); read when the services are created. */
  options?: () => Partial<ServicesOptions>;
  /** One set of services for the whole file instead of a fresh one per test. */
  once?: boolean;
}

/**
 * Services for a test file: a trusted in-process caller (no sign-in, no role gate) against a
 * real SQLite file in a temporary directory, checked outputs, logs to the test log; closed and
 * removed afterwards. Registers its own vitest hooks, so call it at the top of the file.
 */
export function servicesPerTest(h: HarnessOptions): InProcessServices {
  let dir = '';
  let current: Services | undefined;
  const ctx = { transport: 'ipc' as const, actor: h.actor };
  const [before, after] = h.once ? [beforeAll, afterAll] : [beforeEach, afterEach];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), h.prefix));
    current = createServices({
      auth: { enforce: false },
      dbFile: join(dir, 'hall.db'),
      transport: 'ipc',
      log: testLog,
      validateOutput: true,
      // The newest version whatever today's date: tests build their inputs from CATALOGUE.
      // Tests of the switch between versions pass `catalogues` (and a clock) themselves.
      catalogues: singleCatalogue(CATALOGUE),
      ...h.options?.(),
    });
  });
  after(async () => {
    await current?.close();
    current = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const services = (): Services => {
    if (!current) throw new Error('the services exist only while a test runs');
    return current;
  };
  return {
    get services() {
      return services();
    },
    async call<T>(method: string, input: unknown): Promise<T> {
      const res = await services().dispatch(method, input, ctx);
      if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
      return res.value as T;
    },
    async fails(method: string, input: unknown): Promise<ApiErrorBody> {
      const res = await services().dispatch(method, input, ctx);
      if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
      return res.error;
    },
  };
}
