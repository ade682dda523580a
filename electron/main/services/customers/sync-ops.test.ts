import { describe, expect, it } from 'vitest';
import type { CustomerBrief } from '../../../../shared/api/methods/customers';
import type { ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import {
  CUSTOMER_PAYLOAD_SCHEMAS,
  isCustomerOpKind,
} from '../../../../shared/sync/customer-payloads';
import { PAYLOAD_SCHEMAS, SYNC_OP_KINDS } from '../../../../shared/sync/protocol';
import { createOutboxStore } from '../sync/outbox-store';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { createCustomerMirror } from './central-mirror';
import { createCustomerService } from './service';
import { createCustomerStore } from './store';
import { addManagerAccount } from '../testing/manager-account';

/**
 * The customer record's outbox operations (issue 15): one operation of its own kind per local
 * change, under the customer's id, valid against the protocol's schema; nothing for a change
 * pulled from central, and nothing for a record whose certificate number the station lacks.
 */
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ID = '11010519491231002X';
const r = rng(1516);
const h = servicesPerTest({
  prefix: 'hall-customer-ops-',
  actor: 'clerk15',
  // A central system is configured (unreachable, never started): operations wait in the outbox.
  options: () => ({
    now: () => MONDAY_10,
    centralUrl: 'http://127.0.0.1:9',
    demo: true,
    startSync: false,
  }),
});

const household = (idNumber: string): ApplicationInput => {
  const input = fakeApplicationInput(householdNewType(CATALOGUE), r, MONDAY_10);
  return {
    ...input,
    fields: { ...input.fields, idType: 'resident_id', idNumber },
  } as ApplicationInput;
};

const customerOps = () =>
  createOutboxStore(h.services.db)
    .byState('pending')
    .filter((o) => isCustomerOpKind(o.kind));

describe('customer operations in the outbox', () => {
  it('are sync operation kinds with their own payload schemas', () => {
    for (const kind of Object.keys(CUSTOMER_PAYLOAD_SCHEMAS)) {
      expect(SYNC_OP_KINDS).toContain(kind);
      expect(PAYLOAD_SCHEMAS[kind as keyof typeof PAYLOAD_SCHEMAS]).toBe(
        CUSTOMER_PAYLOAD_SCHEMAS[kind as keyof typeof CUSTOMER_PAYLOAD_SCHEMAS],
      );
    }
  });

  it('queues one operation per change, in order under the customer’s id', async () => {
    addManagerAccount(h.services.db);
    await h.call('applications.submit', household(ID));
    const { customer } = await h.call<{ customer: CustomerBrief | null }>('customers.identify', {
      idNumber: ID,
    });
    const id = customer!.id;
    await h.call('customers.setTag', { customerId: id, tag: 'elderly', reason: '82岁' });
    await h.call('customers.removeTag', { customerId: id, tag: 'elderly', reason: '录入错误' });
    await h.call('customers.assignManager', { customerId: id, manager: 'mgr01' });
    const ops = customerOps();
    expect(ops.map((o) => [o.kind, o.application_id])).toEqual([
      ['customer.contact', id],
      ['customer.tag', id],
      ['customer.tag', id],
      ['customer.manager', id],
    ]);
    const payloads = ops.map((o) => JSON.parse(o.payload) as Record<string, unknown>);
    for (const [i, o] of ops.entries()) {
      const kind = o.kind as keyof typeof CUSTOMER_PAYLOAD_SCHEMAS;
      expect(CUSTOMER_PAYLOAD_SCHEMAS[kind].safeParse(payloads[i]).success, o.kind).toBe(true);
    }
    expect(payloads[0]).toMatchObject({ action: 'created', certNo: ID, certType: 'resident_id' });
    expect(payloads.slice(1, 3).map((p) => [p.tag, p.set, p.reason])).toEqual([
      ['elderly', true, '82岁'],
      ['elderly', false, '录入错误'],
    ]);
    expect(payloads[3]).toMatchObject({ manager: 'mgr01', actor: 'clerk15' });
  });

  it('a new customer’s operation is built from the row as stored (no read-back): same as byId reads', async () => {
    await h.call('applications.submit', household(ID));
    const [op] = customerOps();
    const store = createCustomerStore(h.services.db);
    const row = store.byId(op!.application_id)!;
    expect(JSON.parse(op!.payload)).toMatchObject({
      id: row.id,
      certType: row.cert_type,
      kind: row.kind,
    });
    // What insert returns is exactly the row SELECT * reads (every column, contact sealed).
    const again = store.insert({
      ...row,
      id: 'customer-insert-check',
      cert_bidx: 'other-bidx',
      contact: store.contactOf(row),
    });
    const read = store.byId('customer-insert-check');
    expect(again).toEqual(read);
    expect(Object.keys(again).sort()).toEqual(Object.keys(read!).sort());
  });

  it('queues a 客户信息更新 as a contact change for central', async () => {
    await h.call('applications.submit', household(ID));
    const { customer } = await h.call<{ customer: CustomerBrief | null }>('customers.identify', {
      idNumber: ID,
    });
    await h.call('customers.updateContact', { customerId: customer!.id, mobile: '13912345678' });
    const last = customerOps().at(-1)!;
    const payload = JSON.parse(last.payload) as Record<string, unknown>;
    expect(last.kind).toBe('customer.contact');
    expect(CUSTOMER_PAYLOAD_SCHEMAS['customer.contact'].safeParse(payload).success).toBe(true);
    expect(payload).toMatchObject({ action: 'contact', mobile: '13912345678', certNo: ID });
    expect(Object.keys(payload.changes as object)).toEqual(['mobile']);
  });

  it('queues nothing for a change pulled from central', async () => {
    const customers = createCustomerService({
      db: h.services.db,
      now: () => MONDAY_10,
      staffAccount: () => undefined,
      sync: { hallCode: 'H01', stationCode: 'C01' },
    });
    const applied = createCustomerMirror(h.services.db, customers).applyPage(
      {
        customers: [
          {
            seq: 3,
            customerId: '0190f5b0-0000-7000-8000-00000000000c',
            certType: 'credit_code',
            certNo: '91350100M000100Y43',
            kind: 'organisation',
            name: '福州某某电器有限公司',
            mobile: '13800138000',
            address: '',
            manager: null,
            mergedInto: null,
            tags: [
              {
                tag: 'vip',
                reason: '大客户',
                setBy: 'S001',
                setAt: '2026-03-02T09:00:00+08:00',
                label: null,
              },
            ],
            history: [],
          },
        ],
        nextCursor: 3,
        more: false,
      },
      MONDAY_10.getTime(),
    );
    expect(applied).toBe(1);
    const row = createCustomerStore(h.services.db).byCentralId(
      '0190f5b0-0000-7000-8000-00000000000c',
    );
    expect(row?.name).toBe('福州某某电器有限公司');
    expect(customerOps()).toEqual([]);
  });

  it('does not send a record without its certificate number (made before customer sync)', async () => {
    await h.call('applications.submit', household(ID));
    const store = createCustomerStore(h.services.db);
    const { customer } = await h.call<{ customer: CustomerBrief | null }>('customers.identify', {
      idNumber: ID,
    });
    const row = store.byId(customer!.id)!;
    // As an older console left it: the contact without the number.
    store.updateContact(
      row.id,
      row.name,
      { mobile: '', mobile_bidx: '' },
      { mobile: '', address: '' },
      0,
    );
    const before = customerOps().length;
    await h.call('customers.setTag', { customerId: row.id, tag: 'vip', reason: '大客户' });
    expect(customerOps().length).toBe(before);
    // Its next application gives the number back, and it travels again.
    await h.call('applications.submit', household(ID));
    expect(customerOps().at(-1)?.kind).toBe('customer.contact');
    expect(customerOps().length).toBe(before + 1);
  });
});
