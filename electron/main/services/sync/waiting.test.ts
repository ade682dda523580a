import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { SyncStatusView } from '../../../../shared/sync/sync-api';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { testLog } from '../../../../tests/support/test-log';

const MONDAY_10 = new Date('2026-12-07T10:00:00+08:00');
const h = servicesPerTest({
  prefix: 'hall-sync-waiting-',
  actor: 'clerk07',
  // A central system configured but never reached: everything stays pending.
  options: () => ({
    now: () => MONDAY_10,
    centralUrl: 'http://127.0.0.1:9',
    startSync: false,
    demo: true,
  }),
});

const status = () => h.call<SyncStatusView>('sync.status', {});

describe('what the sync status says is waiting', () => {
  it('counts one submit as one application and one customer record, not as two', async () => {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(5), MONDAY_10);
    await h.call('applications.submit', input);
    const first = (await status()).counts;
    testLog(
      `after one submit: ${first.pending} operations pending, waiting ${JSON.stringify(first.waiting)}`,
    );
    expect(first.pending).toBe(2);
    expect(first.waiting).toEqual({ application: 1, customer: 1, request: 0, alert: 0, other: 0 });

    // The same applicant again: a second application, still one customer record.
    await h.call('applications.submit', input);
    const second = (await status()).counts;
    testLog(
      `after a second submit for the same customer: ${second.pending} operations pending, waiting ${JSON.stringify(second.waiting)}`,
    );
    expect(second.waiting).toEqual({ application: 2, customer: 1, request: 0, alert: 0, other: 0 });
    expect(second.pending).toBeGreaterThanOrEqual(3);
  });
});
