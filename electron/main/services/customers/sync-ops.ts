import { isBuiltinTag } from '../../../../shared/customers/tags';
import type { Database } from '../db';
import { createCustomerOutbox, type CustomerSyncSite } from './outbox-op';
import type { Contact } from './sealing';
import type { CustomerRow, CustomerStore } from './store';

type Changes = Record<string, { from: string; to: string }>;

/**
 * The operations the customer service queues for central, one per local change (inside the
 * change's own transaction). Pulled changes never come through here: they are central's
 * already.
 */
export function createCustomerSyncOps(db: Database, store: CustomerStore, site: CustomerSyncSite) {
  const outbox = createCustomerOutbox(db, site);
  const baseOf = (row: CustomerRow, actor: string, at: number) =>
    outbox.base(row, store.contactOf(row).certNo, actor, at);

  return {
    pending: outbox.pending,
    contact(
      row: CustomerRow,
      now: { name: string } & Contact,
      change: { action: 'created' | 'contact'; changes: Changes; applicationId: string | null },
      actor: string,
      at: number,
    ): void {
      const base = outbox.base(row, now.certNo ?? store.contactOf(row).certNo, actor, at);
      if (!base) return;
      outbox.enqueue(
        'customer.contact',
        { ...base, name: now.name, mobile: now.mobile, address: now.address, ...change },
        at,
      );
    },
    tag(row: CustomerRow, tag: string, set: boolean, reason: string, actor: string, at: number) {
      const base = baseOf(row, actor, at);
      if (!base) return;
      const def = isBuiltinTag(tag) ? undefined : store.tagDefs().find((d) => d.code === tag);
      const label = def ? { zh: def.label_zh, en: def.label_en } : null;
      outbox.enqueue('customer.tag', { ...base, tag, set, reason, label }, at);
    },
    manager(row: CustomerRow, manager: string | null, actor: string, at: number): void {
      const base = baseOf(row, actor, at);
      if (base) outbox.enqueue('customer.manager', { ...base, manager }, at);
    },
    merge(from: CustomerRow, into: CustomerRow, reason: string, actor: string, at: number): void {
      const base = baseOf(from, actor, at);
      const target = baseOf(into, actor, at);
      if (!base || !target) return;
      const { certType, certNo, kind } = target;
      outbox.enqueue(
        'customer.merge',
        { ...base, into: { id: into.id, certType, certNo, kind, name: into.name }, reason },
        at,
      );
    },
  };
}

export type CustomerSyncOps = ReturnType<typeof createCustomerSyncOps>;
