import { describe, expect, it } from 'vitest';
import type { CustomerBrief, CustomerRecord } from '../../../../shared/api/methods/customers';
import type { Dashboard } from '../../../../shared/api/methods/dashboard';
import type { ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import { createAuditTrail } from '../audit/trail';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';

const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ID = '11010519491231002X';
const r = rng(172);
const h = servicesPerTest({
  prefix: 'hall-customer-update-',
  actor: 'clerk17',
  options: () => ({ now: () => MONDAY_10 }),
});
const call = h.call;

async function customer(): Promise<string> {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), r, MONDAY_10);
  await call('applications.submit', {
    ...input,
    fields: { ...input.fields, idType: 'resident_id', idNumber: ID, mobile: '13800138000' },
  } as ApplicationInput);
  const found = await call<{ customer: CustomerBrief | null }>('customers.identify', {
    idNumber: ID,
  });
  return found.customer!.id;
}

describe('客户信息更新', () => {
  it('changes the phone and contact person, keeps the old values in the history, masked, audited and counted', async () => {
    const id = await customer();
    const out = await call<{ changed: string[] }>('customers.updateContact', {
      customerId: id,
      mobile: '139 0013 9000',
      contactPerson: '林大伟',
    });
    expect(out.changed).toEqual(['mobile', 'contactPerson']);

    const rec = await call<CustomerRecord>('customers.get', { customerId: id });
    expect(rec.mobile).toBe('139****9000');
    const update = rec.contactHistory.find((c) => c.action === 'update')!;
    expect(update.changes).toEqual({
      mobile: { from: '138****8000', to: '139****9000' },
      contactPerson: { from: '', to: '林大伟' },
    });
    expect(JSON.stringify(rec)).not.toContain('13900139000');
    expect(rec.timeline.some((e) => e.kind === 'request' && e.detail.startsWith('update'))).toBe(
      true,
    );
    // The new phone finds the customer; the audit row names the fields, never the values.
    const rows = (await call<{ rows: CustomerBrief[] }>('customers.search', { q: '13900139000' }))
      .rows;
    expect(rows.map((c) => c.id)).toEqual([id]);
    const audit = createAuditTrail({ db: h.services.db, now: () => MONDAY_10 })
      .list(20)
      .filter((a) => a.action === 'customer_update');
    expect(audit.map((a) => a.target)).toEqual([id]);
    expect(JSON.stringify(audit)).toContain('mobile,contactPerson');
    expect(JSON.stringify(audit)).not.toContain('13900139000');

    const dash = await call<Dashboard>('dashboard.get', { from: '2026-03-02', to: '2026-03-02' });
    expect(dash.requests.customerUpdate).toBe(1);
  });

  it('a later application keeps the contact person; an update that changes nothing is refused', async () => {
    const id = await customer();
    await call('customers.updateContact', { customerId: id, contactPerson: '林大伟' });
    await customer();
    const refused = await h.services.dispatch(
      'customers.updateContact',
      { customerId: id, contactPerson: '林大伟', mobile: '13800138000' },
      { transport: 'ipc', actor: 'clerk17' },
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    const bad = await h.services.dispatch(
      'customers.updateContact',
      { customerId: id, mobile: '12345' },
      { transport: 'ipc', actor: 'clerk17' },
    );
    expect(!bad.ok && [bad.error.code, bad.error.field]).toEqual(['VALIDATION', 'mobile']);
    expect(JSON.stringify(bad)).not.toContain('12345');
  });

  it('the timeline shows the requests taken for the customer: a fault report by phone, the update itself', async () => {
    const id = await customer();
    const fault = await call<{ requestNo: string }>('requests.reportFault', {
      accountNo: '1234567890',
      phone: '138 0013 8000',
      faultKind: 'no_power_home',
      areaKind: 'urban',
    });
    // Another customer's phone: not on this timeline.
    await call('requests.reportFault', {
      accountNo: '1234567890',
      phone: '139 0013 9000',
      faultKind: 'no_power_home',
      areaKind: 'urban',
    });
    await call('customers.updateContact', { customerId: id, address: '福州市鼓楼区东街1号' });
    const rec = await call<CustomerRecord>('customers.get', { customerId: id });
    const requests = rec.timeline.filter((e) => e.kind === 'request');
    expect(requests.map((e) => [e.ref, e.detail])).toEqual(
      expect.arrayContaining([
        [fault.requestNo, 'fault no_power_home'],
        ['', 'update address'],
      ]),
    );
    expect(requests).toHaveLength(2);
    expect(JSON.stringify(rec)).not.toContain('东街1号');
  });
});
