import { describe, expect, it } from 'vitest';
import type { CustomerBrief } from '../../../../shared/api/methods/customers';
import type { SensitiveRow } from '../../../../shared/api/methods/sensitive';
import type { ComplaintDetail } from '../../../../shared/api/methods/complaints';
import type { ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { addManagerAccount } from '../testing/manager-account';

const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ID = '11010519491231002X';
const OTHER_ID = '110105198001010016';
const r = rng(171);
const h = servicesPerTest({
  prefix: 'hall-sensitive-',
  actor: 'clerk17',
  options: () => ({ now: () => MONDAY_10 }),
});
const call = h.call;

const household = (idNumber: string): ApplicationInput => {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), r, MONDAY_10);
  return {
    ...input,
    fields: { ...input.fields, idType: 'resident_id', idNumber },
  } as ApplicationInput;
};
const customerOf = async (idNumber: string): Promise<string> => {
  const found = await call<{ customer: CustomerBrief | null }>('customers.identify', { idNumber });
  if (!found.customer) throw new Error('no customer record');
  return found.customer.id;
};
const list = async () => (await call<{ rows: SensitiveRow[] }>('sensitive.list', {})).rows;
const flag = (customerId: string) =>
  call<{ listed: boolean; reasons: string[] }>('sensitive.flag', { customerId });

describe('sensitive work orders', () => {
  it('a third contact on one matter puts the customer on the list; two do not', async () => {
    await call('applications.submit', household(ID));
    await call('applications.submit', household(ID));
    const id = await customerOf(ID);
    expect(await list()).toEqual([]);
    expect(await flag(id)).toEqual({ listed: false, reasons: [] });

    await call('applications.submit', household(ID));
    const rows = await list();
    expect(rows.map((row) => [row.customerId, row.reasons, row.repeatCount])).toEqual([
      [id, ['repeat'], 3],
    ]);
    expect(rows[0]!.nextActor).toEqual({ kind: 'supervisor', staffNo: null });
    expect(rows[0]!.certNo).toBe('110***********002X');
    expect(rows[0]!.tagged).toBe(false);
    expect(await flag(id)).toEqual({ listed: true, reasons: ['repeat'] });
  });

  it('an open billing complaint ranks first and names its assignee; the manager comes before', async () => {
    await call('applications.submit', household(ID));
    await call('applications.submit', household(OTHER_ID));
    await call('applications.submit', household(OTHER_ID));
    await call('applications.submit', household(OTHER_ID));
    const taken = await call<ComplaintDetail>('complaints.take', {
      kind: 'complaint',
      subject: 'billing',
      channel: 'counter',
      customerName: '王芳',
      idNumber: ID,
      mobile: '13800135678',
      content: '九月电费比往月高出一倍，要求核查表计',
    });
    await call('complaints.dispatch', { id: taken.id, version: taken.version, assignee: 'S002' });
    const [first, second] = await list();
    const id = await customerOf(ID);
    // Billing dispute 15 + open complaint 20 beats three repeat contacts (30).
    expect([first!.customerId, first!.reasons, first!.score]).toEqual([
      id,
      ['billing', 'open_complaint'],
      35,
    ]);
    expect(first!.nextActor).toEqual({ kind: 'assignee', staffNo: 'S002' });
    expect(second!.customerId).toBe(await customerOf(OTHER_ID));

    addManagerAccount(h.services.db);
    await call('customers.assignManager', { customerId: id, manager: 'mgr01' });
    const [again] = await list();
    expect(again!.nextActor).toEqual({ kind: 'manager', staffNo: 'mgr01' });
  });
});
