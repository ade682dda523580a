import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, ListResult, Receipt } from '../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../shared/catalogue';
import { fakeApplicationInput } from './testing/fixtures';
import { applicationSuite } from './testing/application-suite';

const suite = applicationSuite('hall-services-list-');
const { call, fails, newInput, r } = suite;

describe('list', () => {
  it('finds by name prefix, whole phone, whole ID number and 户号 prefix, masking personal data', async () => {
    const input = newInput();
    const saved = await call<ApplicationDetail>('applications.submit', input);
    for (let i = 0; i < 5; i++) await call('applications.submit', newInput());
    const name = input.fields.applicantName as string;
    const mobile = input.fields.mobile as string;
    const id = input.fields.idNumber as string;
    for (const q of [name, mobile, id.toLowerCase()]) {
      const res = await call<ListResult>('applications.list', { q });
      expect(
        res.rows.map((row) => row.id),
        q,
      ).toContain(saved.id);
    }
    // A part of a phone or ID number matches nothing: search cannot be walked digit by digit.
    for (const q of [mobile.slice(0, 7), id.slice(0, 10), mobile.slice(1), id.slice(0, 17)]) {
      const res = await call<ListResult>('applications.list', { q });
      expect(
        res.rows.map((row) => row.id),
        q,
      ).not.toContain(saved.id);
    }
    const res = await call<ListResult>('applications.list', { q: mobile });
    expect(JSON.stringify(res)).not.toContain(mobile);
    expect(JSON.stringify(res)).not.toContain(id);
    expect(res.rows[0]?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);

    // 户号 lives on existing-account types: any type with an accountNo field will do.
    const withAccount = CATALOGUE.types.find(
      (t) => t.family === 'change' && t.fields.some((f) => f.key === 'accountNo'),
    );
    if (!withAccount) throw new Error('catalogue has no change type with a 户号 field');
    const change = fakeApplicationInput(withAccount, r, suite.clock);
    const draft = await call<ApplicationDetail>('applications.saveDraft', change);
    const byAccount = await call<ListResult>('applications.list', {
      q: (change.fields.accountNo as string).slice(0, 6),
    });
    expect(byAccount.rows.map((row) => row.id)).toContain(draft.id);
    expect(byAccount.rows.find((row) => row.id === draft.id)?.accountNo).toBe(
      change.fields.accountNo,
    );
  });

  it('filters by state, type and hall-time creation date, newest first', async () => {
    suite.clock = new Date('2026-03-02T23:30:00+08:00'); // 15:30 UTC, still 2 March in the hall
    const late = await call<ApplicationDetail>('applications.saveDraft', newInput());
    suite.clock = new Date('2026-03-03T08:30:00+08:00');
    const next = await call<ApplicationDetail>('applications.submit', newInput());
    const day2 = await call<ListResult>('applications.list', {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(day2.rows.map((row) => row.id)).toEqual([late.id]);
    const both = await call<ListResult>('applications.list', {
      from: '2026-03-02',
      to: '2026-03-03',
    });
    expect(both.rows.map((row) => row.id)).toEqual([next.id, late.id]);
    expect(both.total).toBe(2);
    expect(both.more).toBe(false);
    const queued = await call<ListResult>('applications.list', { state: 'queued' });
    expect(queued.rows.map((row) => row.id)).toEqual([next.id]);
    const otherType = await call<ListResult>('applications.list', { typeCode: 'CHG_CLOSE' });
    expect(otherType.rows).toEqual([]);
  });
});

describe('receipt', () => {
  it('lists papers received and missing (deferred), masked, with the deadline', async () => {
    const biz = findType(CATALOGUE, 'NEW_LV_BIZ');
    if (!biz) throw new Error('catalogue has no NEW_LV_BIZ');
    const input = fakeApplicationInput(biz, r, suite.clock, 'lv_business');
    const deferrable = biz.papers.find(
      (p) => p.deferrable && input.papers.some((e) => e.code === p.code),
    );
    if (!deferrable) throw new Error('NEW_LV_BIZ has no deferrable paper');
    input.papers = input.papers.map((e) =>
      e.code === deferrable.code ? { ...e, status: 'missing_accepted' as const } : e,
    );
    const saved = await call<ApplicationDetail>('applications.submit', input);
    const receipt = await call<Receipt>('applications.receipt', { id: saved.id });
    expect(receipt.appNo).toBe(saved.appNo);
    expect(receipt.typeName).toEqual(biz.name);
    expect(receipt.papersMissing).toEqual([{ name: deferrable.name, deferred: true }]);
    expect(receipt.papersReceived).toHaveLength(input.papers.length - 1);
    expect(receipt.deadlineAt).toBe(saved.deadlineAt);
    expect(receipt.deadlineWorkingDays).toBe(biz.deadline.workingDays);
    expect(receipt.hallName).toBe('示范供电营业厅');
    expect(receipt.idMasked).toMatch(/\*/);
    expect(receipt.addressMasked).toMatch(/\*\*\*\*$/);
    const text = JSON.stringify(receipt);
    for (const secret of [input.fields.idNumber, input.fields.mobile, input.fields.creditCode]) {
      expect(text).not.toContain(secret as string);
    }
  });

  it('is refused for a draft', async () => {
    const draft = await call<ApplicationDetail>('applications.saveDraft', newInput());
    expect((await fails('applications.receipt', { id: draft.id })).code).toBe('CONFLICT');
  });
});
