import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, Receipt } from '../../../../shared/api/schemas';
import { CATALOGUE, findType, type AccountKind } from '../../../../shared/catalogue';
import { DEFAULT_RECEIPT_QUERY_URL } from '../../../../shared/station/query-url';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, rng } from '../testing/fixtures';

// What a customer checks on the receipt: the fields of its type and account kind, masked,
// and a QR that opens the hall's query page for this application.
const clock = new Date('2026-03-02T10:00:00+08:00');
const QUERY = 'https://query.hall07.example.cn/progress?hall=07&no={applicationNo}';
const h = servicesPerTest({
  prefix: 'hall-receipt-',
  actor: 'C107',
  options: () => ({ stationCode: 'C03', receiptQueryUrl: QUERY, now: () => clock }),
});
const call = h.call;

async function receiptFor(code: string, kind: AccountKind) {
  const type = findType(CATALOGUE, code);
  if (!type) throw new Error(`catalogue has no ${code}`);
  const input = fakeApplicationInput(type, rng(7), clock, kind);
  const saved = await call<ApplicationDetail>('applications.submit', input);
  const receipt = await call<Receipt>('applications.receipt', { id: saved.id });
  const labels = receipt.fields.map((f) => f.label.zh);
  const value = (key: string) => receipt.fields.find((f) => f.key === key)?.value.zh;
  return { input, receipt, labels, value };
}

describe('receipt fields by type and account kind', () => {
  it('a household 过户 shows the new holder and no business-only field', async () => {
    const { input, receipt, labels, value } = await receiptFor('CHG_TRANSFER', 'lv_resident');
    expect(labels).toEqual(expect.arrayContaining(['户号', '申请人姓名', '新户主姓名']));
    expect(labels).toContain('新户主证件号码');
    for (const businessOnly of ['单位名称', '法定代表人证件号码', '新户主单位名称'])
      expect(labels).not.toContain(businessOnly);
    expect(value('newHolderName')).toBe(input.fields.newHolderName);
    expect(value('accountNo')).toBe(input.fields.accountNo);
    expect(value('newHolderIdNumber')).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(value('chargesSettled')).toBe('是');
    expect(receipt.stationCode).toBe('C03');
  });

  it('a business 增容 shows capacities and the credit code masked, not the household labels', async () => {
    const { input, labels, value, receipt } = await receiptFor('INC_LV_BIZ', 'lv_business');
    expect(labels).toEqual(
      expect.arrayContaining(['单位名称', '统一社会信用代码', '法定代表人证件号码']),
    );
    expect(labels).not.toContain('申请人姓名');
    expect(value('existingKw')).toBe(`${input.fields.existingKw as number} kW`);
    expect(value('addedKw')).toBe(`${input.fields.addedKw as number} kW`);
    expect(value('creditCode')).toMatch(/^.{4}\*{10}.{4}$/);
    const text = JSON.stringify(receipt);
    for (const key of ['creditCode', 'idNumber', 'mobile'])
      expect(text).not.toContain(input.fields[key] as string);
  });

  it('keeps free text (remarks) and fields whose condition fails off the paper', async () => {
    const { labels } = await receiptFor('NEW_LV_RES', 'lv_resident');
    expect(labels).not.toContain('备注');
    // agent = no (the first option): the agent's own fields do not apply.
    expect(labels).toContain('办理方式');
    expect(labels).not.toContain('代理人姓名');
  });
});

describe('receipt QR address', () => {
  it("is the hall's template with this application number", async () => {
    const { receipt } = await receiptFor('NEW_LV_RES', 'lv_resident');
    expect(receipt.queryUrl).toBe(
      `https://query.hall07.example.cn/progress?hall=07&no=${encodeURIComponent(receipt.appNo)}`,
    );
  });

  it('falls back to the demo default when the hall has set none', () => {
    expect(DEFAULT_RECEIPT_QUERY_URL).toMatch(/^https:\/\/[^/]+\/.*\{applicationNo\}/);
  });
});

describe('receipt limits', () => {
  it('a low-voltage business new connection carries the 15-day whole-process limit', async () => {
    const { receipt } = await receiptFor('NEW_LV_BIZ', 'lv_business');
    expect(receipt.deadlineWorkingDays).toBe(6);
    expect(receipt.wholeProcess).toEqual({
      workingDays: 15,
      deadlineAt: '2026-03-23T17:30:00.000+08:00',
    });
  });

  it('a household new connection has only its own limit', async () => {
    const { receipt } = await receiptFor('NEW_LV_RES', 'lv_resident');
    expect(receipt.wholeProcess).toBeNull();
  });
});
