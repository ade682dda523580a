import { describe, expect, it } from 'vitest';
import { testLog } from '../../../../tests/support/test-log';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { createApplicationService } from '../applications/service';
import { fakeApplicationInput, rng } from '../testing/fixtures';
import { queueStationsPerTest, refusal } from './testing/stations';

/**
 * The kiosk's 查询进度 slow-down (lookup-misses.ts) through the station's queue service: fair to
 * the next customer, and still a bound on guessing (docs/security.md).
 */
const HALL = 'HALL-Q';
const hall = queueStationsPerTest(HALL, 'hall-kiosk-lookup-');
const station = hall.station;

describe('kiosk look-up misses', () => {
  it('look-up misses count per visit under a station ceiling: the next customer is not held, guessing with made-up visits is', async () => {
    const { q: kiosk, db } = station('K01', 'kiosk');
    const applications = createApplicationService({
      db,
      catalogues: singleCatalogue(CATALOGUE),
      now: () => new Date(hall.clock),
      hallName: 'test',
      hallCode: HALL,
      stationCode: 'K01',
    });
    const input = fakeApplicationInput(
      findType(CATALOGUE, 'NEW_LV_RES')!,
      rng(5),
      new Date(hall.clock),
    );
    const app = applications.submit(input, 'clerk1');
    const mobile = String(input.fields.mobile);
    const visit = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const wrong = (n: number) => `139${String(10_000_000 + n).slice(-8)}`;

    // A customer mistypes five times: that visit waits and is told for how long...
    for (let i = 0; i < 5; i++) {
      const e = await refusal(
        kiosk.lookup({ appNo: app.appNo, mobile: wrong(i), visit: visit(1) }),
      );
      expect(e.body.code).toBe('NOT_FOUND');
    }
    const held = await refusal(kiosk.lookup({ appNo: app.appNo, mobile, visit: visit(1) }));
    expect(held.body.code).toBe('RATE_LIMITED');
    expect(held.body.message).toBe('查询次数过多，请 60 秒后再试');
    expect(held.body.messageEn).toBe('Too many look-ups; please try again in 60 seconds');
    // ...and the next customer at the same kiosk is answered at once.
    expect((await kiosk.lookup({ appNo: app.appNo, mobile, visit: visit(2) })).appNo).toBe(
      app.appNo,
    );

    // An attacker tries phones for the number with a fresh visit id every time.
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const e = await refusal(
        kiosk.lookup({ appNo: app.appNo, mobile: wrong(100 + i), visit: visit(100 + i) }),
      );
      if (e.body.code === 'NOT_FOUND') checked++;
      else expect(e.body.code).toBe('RATE_LIMITED');
    }
    testLog(
      `kiosk look-up enumeration: 40 tries with made-up visits after 5 misses, checked=${checked} (station ceiling 15 misses a minute)`,
    );
    expect(checked).toBe(10);
    // Past the ceiling even the right pair, from a visit of its own, is refused unchecked.
    const ceiling = await refusal(kiosk.lookup({ appNo: app.appNo, mobile, visit: visit(999) }));
    expect(ceiling.body.code).toBe('RATE_LIMITED');
    hall.clock += 61_000;
    expect((await kiosk.lookup({ appNo: app.appNo, mobile, visit: visit(999) })).appNo).toBe(
      app.appNo,
    );
  });
});
