import { describe, expect, it } from 'vitest';
import { REQUEST_CATALOGUE as CAT, NOT_CHECKED_MARK } from './index';
import {
  arrivalCommitment,
  checkEnquiry,
  checkFaultReport,
  checkSubscription,
} from './request-checks';
import { testLog } from '../../tests/support/test-log';

const fault = {
  accountNo: '1234567890',
  phone: '138 0013 8000',
  faultKind: 'no_power_home',
  areaKind: 'urban',
};
const subscription = {
  mobile: '13800138000',
  channels: ['sms'],
  topics: ['outage', 'bill'],
  consentGiven: true,
  consentMethod: 'signed',
};

describe('故障报修 checks and arrival commitment', () => {
  it('takes a 户号 or an address, a phone (mobile or landline), a listed fault and area kind', () => {
    const ok = checkFaultReport(CAT, fault, 10);
    expect(ok).toEqual({ ok: true, phone: '13800138000', accountNo: '1234567890' });
    const byAddress = checkFaultReport(
      CAT,
      { ...fault, accountNo: '', addressText: '鼓楼区五四路1号', phone: '(0591) 8765 4321' },
      10,
    );
    expect(byAddress).toEqual({ ok: true, phone: '0591-87654321', accountNo: null });
  });

  it('refuses neither place given, a bad 户号, a bad phone and kinds not in the catalogue', () => {
    const r = checkFaultReport(
      CAT,
      { accountNo: '', addressText: '  ', phone: '12345', faultKind: 'x', areaKind: 'moon' },
      10,
    );
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.errors.map((e) => e.field);
    expect(fields).toEqual(['accountNo', 'phone', 'faultKind', 'areaKind']);
    const short = checkFaultReport(CAT, { ...fault, accountNo: '123' }, 10);
    expect(short.ok ? '' : short.errors[0]?.reason.zh).toBe('户号应为10位数字');
  });

  it('counts the arrival commitment from the report: 45 / 90 / 120 minutes', () => {
    const at = new Date('2026-12-01T09:00:00+08:00');
    const got = (['urban', 'rural', 'remote'] as const).map((k) => {
      const c = arrivalCommitment(CAT, k, at);
      return [k, c.minutes, c.arriveBy.toISOString()];
    });
    testLog(`arrival commitments (area, minutes, arrive by UTC): ${JSON.stringify(got)}`);
    expect(got).toEqual([
      ['urban', 45, '2026-12-01T01:45:00.000Z'],
      ['rural', 90, '2026-12-01T02:30:00.000Z'],
      ['remote', 120, '2026-12-01T03:00:00.000Z'],
    ]);
  });

  it('cites the commitments and says the figures are not checked against those in force', () => {
    const s = CAT.fault.arrival.source;
    expect(s.kind).toBe('published');
    expect(s.kind === 'published' ? s.note?.zh : '').toContain(NOT_CHECKED_MARK);
  });
});

describe('信息订阅 consent', () => {
  it('records only with the consent given and a listed way of giving it', () => {
    expect(checkSubscription(CAT, subscription, 10)).toEqual({
      ok: true,
      mobile: '13800138000',
      accountNo: null,
    });
    const none = checkSubscription(CAT, { ...subscription, consentGiven: false }, 10);
    expect(none.ok ? [] : none.errors.map((e) => e.field)).toEqual(['consentGiven']);
    const how = checkSubscription(CAT, { ...subscription, consentMethod: 'assumed' }, 10);
    expect(how.ok ? [] : how.errors.map((e) => e.field)).toEqual(['consentMethod']);
  });

  it('refuses no channel, a repeated topic, an unknown one and a landline for texts', () => {
    const r = checkSubscription(
      CAT,
      { ...subscription, mobile: '010-62345678', channels: [], topics: ['bill', 'bill'] },
      10,
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['mobile', 'channels', 'topics']);
    const odd = checkSubscription(CAT, { ...subscription, topics: ['lottery'] }, 10);
    expect(odd.ok ? '' : odd.errors[0]?.reason.en).toBe('Choose one from the list');
  });
});

describe('咨询 checks', () => {
  it('needs a listed topic and the answer given', () => {
    expect(checkEnquiry(CAT, { topic: 'tariff', answer: '按阶梯电价执行' })).toEqual([]);
    expect(checkEnquiry(CAT, { topic: 'weather', answer: ' ' }).map((e) => e.field)).toEqual([
      'topic',
      'answer',
    ]);
  });
});
