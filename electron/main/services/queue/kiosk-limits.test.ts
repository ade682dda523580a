import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, seedStaff, startTestServices, type TestServices } from '../auth/testing/services';
import { PRIORITIES } from '../../../../shared/queue/schemas';

/**
 * The kiosk's screen offers a normal ticket or elderly care; VIP and the green channel are the
 * guide's call and 预约 comes from checking a booking in. An unattended kiosk's caller who posts
 * to the API directly must not get more than the screen offers, nor name a customer record.
 */
let kiosk: TestServices;
let staff: TestServices;
let guideToken = '';

beforeAll(async () => {
  kiosk = startTestServices({ stationRole: 'kiosk' });
  staff = startTestServices();
  guideToken = (await seedStaff(staff.services)).guide;
});
afterAll(async () => {
  await kiosk.cleanup();
  await staff.cleanup();
});

const codeOf = (r: { ok: boolean; error?: { code: string; field?: string } }) =>
  r.ok ? 'ok' : `${r.error?.code}:${r.error?.field ?? ''}`;

describe('a kiosk asks only for what its screen offers', () => {
  it('queue.issue: normal and elderly pass the check, every other priority is FORBIDDEN on priority', async () => {
    const answers: Record<string, string> = {};
    for (const priority of PRIORITIES) {
      const r = await kiosk.services.dispatch(
        'queue.issue',
        { serviceCode: 'NEW', priority },
        ctxFor(),
      );
      answers[priority] = codeOf(r);
    }
    console.log(`kiosk_priorities ${JSON.stringify(answers)}`);
    for (const p of ['vip', 'green', 'appointment']) expect(answers[p]).toBe('FORBIDDEN:priority');
    for (const p of ['normal', 'elderly']) expect(answers[p]).not.toMatch(/^FORBIDDEN/);
  });

  it('queue.issue with a customer record is FORBIDDEN on customerId, before any look-up', async () => {
    const r = await kiosk.services.dispatch(
      'queue.issue',
      {
        serviceCode: 'NEW',
        priority: 'normal',
        customerId: '01a22cb8-2617-748a-8cd7-b2d3ea5d71ce',
      },
      ctxFor(),
    );
    expect(codeOf(r)).toBe('FORBIDDEN:customerId');
    if (!r.ok) expect(r.error.message).toMatch(/引导台/);
  });

  it('kiosk.startApplication with VIP is FORBIDDEN; the message is zh-CN first, English second', async () => {
    const draft = {
      typeCode: 'NEW_LV_RES',
      accountKind: 'lv_resident',
      fields: { applicantName: '王五', mobile: '13700000000' },
    };
    const r = await kiosk.services.dispatch(
      'kiosk.startApplication',
      { draft, priority: 'vip' },
      ctxFor(),
    );
    expect(codeOf(r)).toBe('FORBIDDEN:priority');
    if (!r.ok) {
      expect(r.error.message).toMatch(/自助终端/);
      expect(r.error.messageEn).toMatch(/kiosk/);
    }
  });

  it('a guide on a staff station may still issue VIP (the limit is the kiosk’s only)', async () => {
    const r = await staff.services.dispatch(
      'queue.issue',
      { serviceCode: 'NEW', priority: 'vip' },
      ctxFor(guideToken),
    );
    expect(codeOf(r)).not.toMatch(/^FORBIDDEN/);
  });
});
