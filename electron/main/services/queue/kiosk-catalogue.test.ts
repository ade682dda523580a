import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../../shared/catalogue/versions';
import type { KioskDraft } from '../../../../shared/queue/kiosk';
import { testLog } from '../../../../tests/support/test-log';
import { queueStationsPerTest, refusal } from './testing/stations';

/**
 * A kiosk draft names a business type of the catalogue version in force at the hall's date:
 * 校表 (REQ_METER_TEST) arrives with 2026.2, so on 30 November it is not a type yet and the
 * kiosk says so; from 1 December the same draft gets its ticket.
 */
const hall = queueStationsPerTest('HALL-KC', 'hall-kiosk-catalogue-', CATALOGUES);

const meterTest: KioskDraft = {
  typeCode: 'REQ_METER_TEST',
  accountKind: 'lv_resident',
  fields: { applicantName: '测试客户', mobile: '13800138000' },
  note: '',
};

describe('kiosk drafts take the types of the version in force', () => {
  it('校表 is refused on 30 November (2026.1) and issued on 1 December (2026.2)', async () => {
    hall.clock = Date.parse('2026-11-30T10:00:00+08:00');
    const kiosk = hall.station('K01', 'kiosk').q;
    const err = await refusal(kiosk.startApplication(meterTest, 'normal'));
    expect([err.body.code, err.body.field]).toEqual(['VALIDATION', 'draft.typeCode']);
    expect(err.body.message).toBe('请选择业务类型');

    hall.clock = Date.parse('2026-12-01T10:00:00+08:00');
    const ticket = await kiosk.startApplication(meterTest, 'normal');
    testLog(
      `kiosk-catalogue: 2026-11-30 refused=${err.body.field} 2026-12-01 ticket=${ticket.number}`,
    );
    expect(ticket.id).toBeTruthy();
  });
});
