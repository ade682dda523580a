import { describe, expect, it } from 'vitest';
import type { ApplicationServiceInfo } from '../../../../shared/api/methods/dashboard';
import type { ApplicationDetail } from '../../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { testLog } from '../../../../tests/support/test-log';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';

/**
 * 低压非居民 new connections have two limits (1479号): the utility's own 6 working days (the
 * application's deadline) and 15 working days for the whole process. The detail page's
 * commitment panel shows both; other types have only the first.
 */
const MONDAY_MORNING = new Date('2026-03-02T10:00:00+08:00');
const hall = servicesPerTest({
  prefix: 'hall-whole-process-',
  actor: 'clerk1',
  options: () => ({ now: () => MONDAY_MORNING }),
});

const accept = (code: string, seed: number) => {
  const type = findType(CATALOGUE, code);
  if (!type) throw new Error(`no type ${code}`);
  return hall.call<ApplicationDetail>(
    'applications.submit',
    fakeApplicationInput(type, rng(seed), MONDAY_MORNING),
  );
};

describe('the whole-process limit of 低压非居民 on the commitment panel', () => {
  it('a low-voltage business shows 6 working days and 15 in all, both from acceptance', async () => {
    const app = await accept('NEW_LV_BIZ', 3);
    const info = await hall.call<ApplicationServiceInfo>('applications.serviceInfo', {
      id: app.id,
    });
    testLog(
      `whole-process NEW_LV_BIZ: utility_days=${info.workingDays} due=${info.deadlineAt?.slice(0, 10)} whole_days=${info.whole?.workingDays} whole_due=${info.whole?.deadlineAt.slice(0, 10)}`,
    );
    expect([info.workingDays, info.deadlineAt?.slice(0, 10)]).toEqual([6, '2026-03-10']);
    expect(info.whole).toEqual({
      workingDays: 15,
      deadlineAt: '2026-03-23T17:30:00.000+08:00',
      provisional: false,
    });
  });

  it('a household new connection has no second limit', async () => {
    const app = await accept(householdNewType(CATALOGUE).code, 4);
    const info = await hall.call<ApplicationServiceInfo>('applications.serviceInfo', {
      id: app.id,
    });
    expect(info.whole).toBeNull();
  });
});
