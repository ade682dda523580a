import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerBrief, CustomerRecord } from '../../../../shared/api/methods/customers';
import type { ApplicationDetail, ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE, fieldsFor } from '../../../../shared/catalogue';
import type { IssuedTicket } from '../../../../shared/queue/schemas';
import { createAuditTrail } from '../audit/trail';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { addManagerAccount } from '../testing/manager-account';

const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ID = '11010519491231002X';
const CODE = '91350100M000100Y43';
const r = rng(151);
const h = servicesPerTest({
  prefix: 'hall-customers-',
  actor: 'clerk15',
  options: () => ({ now: () => MONDAY_10 }),
});
const call = h.call;

/** A business type of `kind` that takes a 户号 (an increase or change, not a new connection). */
const withAccount = (kind: 'lv_resident' | 'lv_business') => {
  const type = CATALOGUE.types.find(
    (t) => t.accountKinds.includes(kind) && fieldsFor(t, kind).some((f) => f.key === 'accountNo'),
  );
  if (!type) throw new Error(`no ${kind} type with an account number`);
  return type;
};

function household(fields: Record<string, unknown>): ApplicationInput {
  const type = 'accountNo' in fields ? withAccount('lv_resident') : householdNewType(CATALOGUE);
  const input = fakeApplicationInput(type, r, MONDAY_10);
  return {
    ...input,
    fields: { ...input.fields, idType: 'resident_id', ...fields },
  } as ApplicationInput;
}

function business(fields: Record<string, unknown>): ApplicationInput {
  const input = fakeApplicationInput(withAccount('lv_business'), r, MONDAY_10, 'lv_business');
  return { ...input, fields: { ...input.fields, ...fields } } as ApplicationInput;
}

const search = async (q: string) =>
  (await call<{ rows: CustomerBrief[] }>('customers.search', { q })).rows;
const record = (customerId: string) => call<CustomerRecord>('customers.get', { customerId });

describe('one customer per certificate', () => {
  it('the same ID under different spellings of the name is one customer; a new phone is a recorded change', async () => {
    const address = {
      province: '福建省',
      city: '福州市',
      district: '鼓楼区',
      street: '东街街道',
      detail: '8号',
    };
    await call<ApplicationDetail>(
      'applications.submit',
      household({ idNumber: ID, applicantName: '阿依古丽·买买提', mobile: '13800138000', address }),
    );
    const second = await call<ApplicationDetail>(
      'applications.submit',
      household({
        idNumber: ID.toLowerCase(),
        applicantName: '阿依古丽 • 买买提',
        mobile: '13900139000',
        address,
      }),
    );
    const rows = await search(ID);
    expect(rows).toHaveLength(1);
    const rec = await record(rows[0]!.id);
    expect(rec.certNo).toBe('110***********002X');
    expect(rec.mobile).toBe('139****9000');
    // Created, then one change: the phone (the name differs in spelling only).
    expect(rec.contactHistory.map((c) => c.action)).toEqual(['created', 'contact']);
    const change = rec.contactHistory[1]!;
    expect(Object.keys(change.changes)).toEqual(['mobile']);
    expect(change.changes.mobile).toEqual({ from: '138****8000', to: '139****9000' });
    expect(change).toMatchObject({ actor: 'clerk15', applicationId: second.id });
    expect(rec.timeline.filter((e) => e.kind === 'application')).toHaveLength(2);
    // Nothing personal in clear on the record: the full ID and phone are never there.
    expect(JSON.stringify(rec)).not.toContain(ID);
    expect(JSON.stringify(rec)).not.toContain('13900139000');
  });

  it('an organisation typed with a lower-case credit code is the same customer, with its 户号 accounts', async () => {
    await call('applications.submit', business({ creditCode: CODE, accountNo: '3500000001' }));
    await call(
      'applications.submit',
      business({ creditCode: CODE.toLowerCase(), accountNo: '3500000002' }),
    );
    const rows = await search(CODE.toLowerCase());
    expect(rows.map((c) => c.kind)).toEqual(['organisation']);
    const rec = await record(rows[0]!.id);
    expect(rec.accounts.map((a) => a.accountNo)).toEqual(['3500000001', '3500000002']);
    expect((await search('3500000002')).map((c) => c.id)).toEqual([rows[0]!.id]);
  });

  it('any case and spacing of an ID number finds one customer (property, 20 spellings)', async () => {
    await call('applications.submit', household({ idNumber: ID }));
    const spelled = fc
      .array(fc.constantFrom('', ' ', '-'), { minLength: ID.length, maxLength: ID.length })
      .map((seps) => [...ID.toLowerCase()].map((c, i) => c + seps[i]).join(''));
    for (const typed of fc.sample(spelled, { numRuns: 20, seed: 15 })) {
      const found = await call<{ customer: CustomerBrief | null }>('customers.identify', {
        idNumber: typed,
      });
      expect(found.customer?.certNo, 'identify by a spelling of the ID').toBe('110***********002X');
    }
  });
});

describe('tags, priority and the clerk warning', () => {
  it('a tag is set with who and why (audited, reason sealed in the history), and raises the ticket priority', async () => {
    await call('applications.submit', household({ idNumber: ID }));
    const [c] = await search(ID);
    const tagged = await call<CustomerBrief>('customers.setTag', {
      customerId: c!.id,
      tag: 'elderly',
      reason: '82岁',
    });
    expect(tagged.tags.map((t) => [t.code, t.setBy, t.reason])).toEqual([
      ['elderly', 'clerk15', '82岁'],
    ]);
    expect(tagged.priority).toBe('elderly');
    const sensitive = await call<CustomerBrief>('customers.setTag', {
      customerId: c!.id,
      tag: 'sensitive',
      reason: '多次投诉',
    });
    expect(sensitive.warn).toBe(true);
    const audit = createAuditTrail({ db: h.services.db, now: () => MONDAY_10 });
    const rows = audit.list(20).filter((e) => e.action === 'customer_tag');
    expect(rows.map((e) => e.target)).toEqual([c!.id, c!.id]);
    // No shared queue here: the ticket is an offline one, with the tag-given priority.
    const ticket = await call<IssuedTicket>('queue.issue', {
      serviceCode: 'NEW',
      priority: 'normal',
      customerId: c!.id,
    });
    expect(ticket.priority).toBe('elderly');
    const removed = await call<CustomerBrief>('customers.removeTag', {
      customerId: c!.id,
      tag: 'elderly',
      reason: '录入错误',
    });
    expect(removed.tags.map((t) => t.code)).toEqual(['sensitive']);
  });

  it('an unknown tag is refused by name, in both languages', async () => {
    await call('applications.submit', household({ idNumber: ID }));
    const [c] = await search(ID);
    const res = await h.services.dispatch(
      'customers.setTag',
      { customerId: c!.id, tag: 'h_nothing', reason: 'x' },
      { transport: 'ipc', actor: 'clerk15' },
    );
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect([res.error.field, res.error.message, res.error.messageEn]).toEqual([
        'tag',
        '没有这个客户标签，请先由值班长定义',
        'No such customer tag; a supervisor defines it first',
      ]);
  });
});

describe('account managers and merges', () => {
  it('a managed customer’s complaint notifies the manager; their list shows the applications by deadline', async () => {
    addManagerAccount(h.services.db);
    await call('applications.submit', household({ idNumber: ID, mobile: '13800138000' }));
    const [c] = await search(ID);
    const refused = await h.services.dispatch(
      'customers.assignManager',
      { customerId: c!.id, manager: 'nobody' },
      { transport: 'ipc', actor: 'sup1' },
    );
    expect(refused.ok).toBe(false);
    await call('customers.assignManager', { customerId: c!.id, manager: 'mgr01' });
    const complaint = await call<{ id: string }>('complaints.take', {
      kind: 'complaint',
      subject: 'billing',
      channel: 'counter',
      customerName: '王芳',
      idNumber: ID,
      mobile: '13800138000',
      content: '电费异常，请核查',
    });
    const mgr = { transport: 'ipc' as const, actor: 'mgr01' };
    const notes = await h.services.dispatch('customers.notifications', {}, mgr);
    expect(notes.ok && notes.value).toMatchObject({
      unread: 1,
      rows: [{ kind: 'complaint', customerId: c!.id, ref: complaint.id }],
    });
    const mine = await h.services.dispatch('customers.mine', {}, mgr);
    expect(
      mine.ok &&
        (mine.value as { rows: { openApplications: unknown[] }[] }).rows.map(
          (m) => m.openApplications.length,
        ),
    ).toEqual([1]);
    const rec = await record(c!.id);
    expect(rec.timeline.some((e) => e.kind === 'complaint')).toBe(true);
    expect(rec.satisfaction.complaints).toBe(1);
  });

  it('a supervisor merges a duplicate: its accounts and tags follow; a search by either certificate finds the survivor', async () => {
    await call('applications.submit', household({ idNumber: ID, accountNo: '3500000011' }));
    await call(
      'applications.submit',
      household({ idType: 'passport', idNumber: 'E12345678', accountNo: '3500000012' }),
    );
    const [a] = await search(ID);
    const byPassport = () =>
      call<{ customer: CustomerBrief | null }>('customers.identify', {
        certType: 'passport',
        idNumber: 'E12345678',
      });
    const b = (await byPassport()).customer;
    await call('customers.setTag', { customerId: b!.id, tag: 'vip', reason: '大客户' });
    const merged = await call<CustomerBrief>('customers.merge', {
      fromId: b!.id,
      intoId: a!.id,
      reason: '同一人护照办理',
    });
    expect(merged.tags.map((t) => t.code)).toEqual(['vip']);
    expect((await byPassport()).customer?.id).toBe(a!.id);
    const rec = await record(a!.id);
    expect(rec.accounts.map((x) => x.accountNo)).toEqual(['3500000011', '3500000012']);
    expect(rec.mergedFrom).toEqual([b!.id]);
    const again = await h.services.dispatch(
      'customers.merge',
      { fromId: b!.id, intoId: a!.id, reason: 'x' },
      { transport: 'ipc', actor: 'sup1' },
    );
    expect(again.ok).toBe(false);
  });
});
