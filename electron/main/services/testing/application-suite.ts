import { beforeEach } from 'vitest';
import type { ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import { testLog } from '../../../../tests/support/test-log';
import { fakeApplicationInput, householdNewType, rng } from './fixtures';
import { servicesPerTest } from './harness';

/** Monday 2 March 2026, 10:00 hall time: a working day, inside working hours. */
export const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');

/**
 * The application suites' services: a clerk calling through the dispatcher, a clock the test
 * may move (back to MONDAY_10 before each test), the lines logged in the test, and fake
 * household applications from one seeded generator.
 */
export function applicationSuite(prefix: string) {
  const state = { clock: MONDAY_10, logLines: [] as string[] };
  // Registered before the services' hooks, so the clock is set when they are created.
  beforeEach(() => {
    state.clock = MONDAY_10;
    state.logLines = [];
  });
  const harness = servicesPerTest({
    prefix,
    actor: 'clerk07',
    options: () => ({
      now: () => state.clock,
      log: (line: string) => {
        state.logLines.push(line);
        testLog(line);
      },
    }),
  });
  const household = householdNewType(CATALOGUE);
  const r = rng(11);
  return {
    harness,
    get services() {
      return harness.services;
    },
    get clock() {
      return state.clock;
    },
    set clock(at: Date) {
      state.clock = at;
    },
    get logLines() {
      return state.logLines;
    },
    household,
    r,
    call: harness.call,
    fails: harness.fails,
    /** Rows in a table of the station's database. */
    count: (table: string): number =>
      harness.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    newInput: (): ApplicationInput => fakeApplicationInput(household, r, state.clock),
  };
}
