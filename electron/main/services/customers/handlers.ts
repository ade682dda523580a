import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { customerMethods } from '../../../../shared/api/methods/customers';
import type { AuditRecord } from '../audit/trail';
import type { CustomerReads } from './record';
import type { createCustomerSearch } from './search';
import type { CustomerService } from './service';

export interface CustomerHandlerDeps {
  customers: CustomerService;
  reads: CustomerReads;
  search: ReturnType<typeof createCustomerSearch>;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
}

/**
 * The customer record behind the contract. Tag, manager and merge changes leave an audit row
 * naming the customer's id and the tag code, never a personal value (the reasons are sealed in
 * the customer's own history).
 */
export function createCustomerHandlers(
  d: CustomerHandlerDeps,
): HandlersFor<typeof customerMethods> {
  const { customers, reads } = d;
  const briefOf = (id: string) => reads.brief(customers.required(id));
  return {
    'customers.search': (input) => ({ rows: d.search.search(input.q).map(reads.brief) }),
    'customers.identify': (input) => {
      const row = d.search.identify(input);
      return { customer: row ? reads.brief(row) : null };
    },
    'customers.brief': (input) => briefOf(input.customerId),
    'customers.get': async (input, ctx) => {
      const out = await reads.recordWithTickets(input.customerId);
      // The record is a customer's whole file: opening it is audited like any reveal.
      d.record(ctx, { action: 'reveal', target: out.id, detail: { customer: true } });
      return out;
    },
    'customers.tagDefs': () => reads.tagDefs(),
    'customers.defineTag': (input, ctx) => {
      customers.defineTag(input.code, input.labelZh, input.labelEn, ctx.actor);
      d.record(ctx, { action: 'customer_tag_define', target: input.code });
      return reads.tagDefs();
    },
    'customers.setTag': (input, ctx) => {
      const row = customers.setTag(input.customerId, input.tag, input.reason, ctx.actor);
      d.record(ctx, { action: 'customer_tag', target: row.id, detail: { tag: input.tag } });
      return briefOf(row.id);
    },
    'customers.removeTag': (input, ctx) => {
      const row = customers.removeTag(input.customerId, input.tag, input.reason, ctx.actor);
      d.record(ctx, { action: 'customer_untag', target: row.id, detail: { tag: input.tag } });
      return briefOf(row.id);
    },
    'customers.assignManager': (input, ctx) => {
      const row = customers.assignManager(input.customerId, input.manager, ctx.actor);
      d.record(ctx, {
        action: 'customer_manager',
        target: row.id,
        detail: { manager: input.manager ?? '' },
      });
      return reads.brief(row);
    },
    'customers.merge': (input, ctx) => {
      const row = customers.merge(input.fromId, input.intoId, input.reason, ctx.actor);
      d.record(ctx, { action: 'customer_merge', target: row.id, detail: { from: input.fromId } });
      return reads.brief(row);
    },
    'customers.mine': (_input, ctx) => ({ rows: reads.mine(ctx.actor) }),
    'customers.notifications': (_input, ctx) => reads.notifications(ctx.actor),
    'customers.markRead': (input, ctx) => ({ ok: customers.markRead(input.id, ctx.actor) }),
    'customers.satisfaction': () => ({ managers: reads.satisfactionByManager() }),
  };
}
