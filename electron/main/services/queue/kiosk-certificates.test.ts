import { describe, expect, it } from 'vitest';
import { queueStationsPerTest, refusal } from './testing/stations';
import type { KioskDraft } from '../../../../shared/queue/kiosk';
import { createApplicationRepository } from '../applications/repository';

/**
 * A kiosk draft takes the certificates the counter takes, with the same check per type: a wrong
 * number is said at the kiosk, a right one reaches the clerk's draft normalised, with its type.
 */
const hall = queueStationsPerTest('HALL-K', 'hall-kiosk-cert-');
const station = hall.station;

const draft = (fields: Partial<KioskDraft['fields']>): KioskDraft => ({
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: { applicantName: '测试客户', mobile: '13800138000', ...fields },
  note: '',
});

describe('kiosk drafts: certificate types', () => {
  it('a passport typed loosely reaches the clerk normalised, with its type', async () => {
    const kiosk = station('K01', 'kiosk').q;
    const { q: counter, db } = station('C01', 'staff');
    const t = await kiosk.startApplication(
      draft({ idType: 'passport', idNumber: 'e1234 5678' }),
      'normal',
    );
    await counter.callNext(['NEW']);
    const { applicationId } = await counter.verifyKioskDraft(t.id, 'clerk1');
    const fields = JSON.parse(
      createApplicationRepository(db).findById(applicationId)?.fields_json ?? '{}',
    ) as Record<string, unknown>;
    expect([fields.idType, fields.idNumber]).toEqual(['passport', 'E12345678']);
  });

  it.each([
    ['resident_id', 'E12345678', /身份证/],
    ['hk_macao_permit', 'K12345678', /港澳居民来往内地通行证号码应为H或M/],
    ['taiwan_permit', '1234567', /台湾居民来往大陆通行证号码应为8位数字/],
    ['passport', '110105194912310019', /不是护照号码/],
  ] as const)(
    'a wrong %s number is refused at the kiosk, in words',
    async (idType, idNumber, says) => {
      const kiosk = station('K01', 'kiosk').q;
      const err = await refusal(kiosk.startApplication(draft({ idType, idNumber }), 'normal'));
      expect(err.body.code).toBe('VALIDATION');
      expect(err.body.field).toBe('draft.fields.idNumber');
      expect(err.body.message).toMatch(says);
      expect(err.body.messageEn).not.toBe('');
      expect(JSON.stringify(err.body)).not.toContain(idNumber);
    },
  );
});
