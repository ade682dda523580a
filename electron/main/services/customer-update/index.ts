import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { customerUpdateMethods } from '../../../../shared/api/methods/customer-update';
import type { AuditRecord } from '../audit/trail';
import type { CustomerService } from '../customers';
import type { Database } from '../db';
import { createCustomerUpdate } from './service';

export { CUSTOMER_UPDATE_ACTION } from './service';

/** 客户信息更新 behind the contract: each update leaves an audit row naming the fields only. */
export function createCustomerUpdateHandlers(deps: {
  db: Database;
  customers: CustomerService;
  now: () => Date;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
}): HandlersFor<typeof customerUpdateMethods> {
  const update = createCustomerUpdate(deps);
  return {
    'customers.updateContact': (input, ctx) => {
      const out = update.updateContact(input, ctx.actor);
      deps.record(ctx, {
        action: 'customer_update',
        target: out.customerId,
        detail: { fields: out.changed.join(',') },
      });
      return out;
    },
  };
}
