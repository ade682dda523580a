import type { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import {
  CUSTOMER_UPDATE_FIELDS,
  type CustomerUpdateInputSchema,
} from '../../../../shared/api/methods/customer-update';
import { maskMobile } from '../../../../shared/domain/mask';
import { toHallIso } from '../../../../shared/hall-time';
import { checkPhone } from '../../../../shared/validators/mobile';
import { lazyCipherOf } from '../crypto';
import type { Database } from '../db';
import type { CustomerService } from '../customers';

type Field = (typeof CUSTOMER_UPDATE_FIELDS)[number];
type Input = z.output<typeof CustomerUpdateInputSchema>;

/** The action in the customer's history (and what the dashboard counts). */
export const CUSTOMER_UPDATE_ACTION = 'update';

const nothingToChange = () =>
  apiError(
    'VALIDATION',
    '没有需要更新的客户信息：请填写与现有不同的联系电话、地址或联系人',
    'Nothing to update: enter a phone, address or contact person that differs from the record',
    { field: 'mobile' },
  );

/**
 * 客户信息更新: the counter changes the contact details (phone, address, contact person) of
 * a customer's record. The old values are appended to the record's history (sealed) with who
 * and when; an empty field changes nothing; a request that changes nothing is refused rather
 * than recorded as a change.
 */
export function createCustomerUpdate(deps: {
  db: Database;
  customers: CustomerService;
  now: () => Date;
}) {
  const { store } = deps.customers;
  const cipher = lazyCipherOf(deps.db);

  function updateContact(input: Input, actor: string) {
    const row = deps.customers.required(input.customerId);
    const before = store.contactOf(row);
    const given: Partial<Record<Field, string>> = {};
    if (input.mobile) {
      const phone = checkPhone(input.mobile, { landline: true });
      if (!phone.ok)
        throw apiError('VALIDATION', phone.reason.zh, phone.reason.en, {
          field: 'mobile',
          fieldErrors: [{ field: 'mobile', message: phone.reason.zh, messageEn: phone.reason.en }],
        });
      given.mobile = phone.value;
    }
    if (input.address) given.address = input.address;
    if (input.contactPerson) given.contactPerson = input.contactPerson;
    const after = { ...before, ...given };
    const changes: Record<string, { from: string; to: string }> = {};
    for (const f of CUSTOMER_UPDATE_FIELDS) {
      const from = before[f] ?? '';
      const to = after[f] ?? '';
      if (from !== to) changes[f] = { from, to };
    }
    const changed = CUSTOMER_UPDATE_FIELDS.filter((f) => f in changes);
    if (changed.length === 0) throw nothingToChange();
    const at = deps.now().getTime();
    store.transaction(() => {
      store.updateContact(
        row.id,
        row.name,
        {
          mobile: after.mobile === '' ? '' : maskMobile(after.mobile),
          mobile_bidx: after.mobile === '' ? '' : cipher.blindIndex('mobile', after.mobile),
        },
        after,
        at,
      );
      store.appendHistory({
        customerId: row.id,
        at,
        actor,
        applicationId: null,
        action: CUSTOMER_UPDATE_ACTION,
        changes,
      });
      // The hall's other stations learn it through central, as any contact change.
      deps.customers.queueContactChange(row, { name: row.name, ...after }, changes, actor, at);
    });
    return { customerId: row.id, changed, at: toHallIso(at) };
  }

  return { updateContact };
}
