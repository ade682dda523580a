import { describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../../shared/api/methods/complaints';
import { servicesPerTest } from '../testing/harness';

/** Complaint intake takes the certificates the counter takes, each checked by its own rule. */
const TUE = new Date('2026-09-29T10:00:00+08:00');
const h = servicesPerTest({
  prefix: 'hall-complaint-cert-',
  actor: 'clerk07',
  options: () => ({ now: () => TUE }),
});

const input = (over: Record<string, unknown>) => ({
  kind: 'complaint',
  subject: 'billing',
  channel: 'counter',
  customerName: '王芳',
  mobile: '13812345678',
  content: '九月电费比往月高出一倍，要求核查表计',
  ...over,
});

const refusal = async (over: Record<string, unknown>) => {
  const res = await h.services.dispatch('complaints.take', input(over), {
    transport: 'ipc',
    actor: 'clerk07',
  });
  if (res.ok) throw new Error('complaints.take unexpectedly succeeded');
  return res.error;
};

describe('complaint intake: certificate types', () => {
  it.each([
    ['passport', 'e1234 5678', 'E*****678'],
    ['hk_macao_permit', 'H12345678', 'H*****678'],
    ['taiwan_permit', '87654321', '8****321'],
    ['foreign_permanent_id', 'usa310170123456', 'USA********3456'],
  ])('takes a %s number and shows it masked', async (idType, idNumber, masked) => {
    const c = await h.call<ComplaintDetail>('complaints.take', input({ idType, idNumber }));
    expect(c.idMasked).toBe(masked);
  });

  it('a passport number under 居民身份证 (the default) is refused with the ID rule, named', async () => {
    const bad = await refusal({ idNumber: 'E12345678' });
    expect([bad.code, bad.field]).toEqual(['VALIDATION', 'idNumber']);
    expect(bad.message).toMatch(/身份证/);
    expect(JSON.stringify(bad)).not.toContain('E12345678');
  });

  it("each type's own check refuses a bad number in words, never echoing it", async () => {
    const bad = await refusal({ idType: 'hk_macao_permit', idNumber: 'K12345678' });
    expect(bad.field).toBe('idNumber');
    expect(bad.message).toMatch(/港澳居民来往内地通行证号码应为H或M/);
    expect(bad.messageEn).toMatch(/Home-return permit number must be H or M/);
    expect(JSON.stringify(bad)).not.toContain('K12345678');
  });

  it('an unknown certificate type is refused naming the field by its label', async () => {
    const bad = await refusal({ idType: 'library_card', idNumber: 'E12345678' });
    expect(bad.message).toMatch(/^证件类型/);
    expect(bad.messageEn).toMatch(/^Certificate type/);
  });
});

describe('complaint intake: every bad field at once', () => {
  it('refuses a wrong-length account number, beside the phone and ID, in one answer', async () => {
    const bad = await refusal({
      mobile: '1381234567',
      idNumber: '110105194912310021',
      accountNo: '12345',
    });
    expect(bad.fieldErrors?.map((f) => f.field)).toEqual(['mobile', 'idNumber', 'accountNo']);
    expect(bad.fieldErrors?.[2]?.message).toBe('户号应为10位数字');
    expect(JSON.stringify(bad)).not.toContain('1381234567');
  });

  it('takes a 10-digit account number', async () => {
    const c = await h.call<ComplaintDetail>('complaints.take', input({ accountNo: '3301234567' }));
    expect(c.accountNo).toBe('3301234567');
  });
});
