import { v7 as uuidv7 } from 'uuid';
import { isBuiltinTag } from '../../../../shared/customers/tags';
import { maskCreditCode, maskIdNumber, maskMobile } from '../../../../shared/domain/mask';
import type { CentralCustomer, CustomersPage } from '../../../../shared/sync/customer-payloads';
import { normalizeCode } from '../../../../shared/validators/normalize';
import { lazyCipherOf } from '../crypto';
import type { Database } from '../db';
import { createSyncState } from '../sync/sync-state';
import type { CustomerService } from './service';
import type { CustomerRow } from './store';

/** Who a change made by central itself (a pulled manager) is recorded as. */
const CENTRAL_ACTOR = 'central';

/**
 * Central's customers of the hall mirrored into this station (issue 15): a page of the pull
 * applied with its cursor in one transaction. A customer is matched by this station's blind
 * index of the certificate (central's id is learnt, never trusted to name a local row of
 * another certificate). Last writer by central order wins for the name, contact, manager and
 * tags; the other stations' changes are appended to the history, never overwriting it. A
 * customer with a local change still on its way is left as it is: central sends it back whole
 * once that change is applied there.
 */
export function createCustomerMirror(db: Database, customers: CustomerService) {
  const { store } = customers;
  const state = createSyncState(db);
  const cipher = lazyCipherOf(db);

  const cursor = (): number => Number(state.read('customers_cursor') ?? '0');

  function insert(c: CentralCustomer, bidx: string, at: number): CustomerRow {
    const id = store.byId(c.customerId) ? uuidv7() : c.customerId;
    store.insert({
      id,
      cert_type: c.certType,
      cert_bidx: bidx,
      cert_masked: c.certType === 'credit_code' ? maskCreditCode(c.certNo) : maskIdNumber(c.certNo),
      kind: c.kind,
      name: c.name,
      mobile: c.mobile === '' ? '' : maskMobile(c.mobile),
      mobile_bidx: c.mobile === '' ? '' : cipher.blindIndex('mobile', c.mobile),
      contact: { mobile: c.mobile, address: c.address, certNo: c.certNo },
      manager: c.manager,
      manager_set_by: c.manager === null ? null : CENTRAL_ACTOR,
      manager_set_at: c.manager === null ? null : at,
      created_at: at,
      updated_at: at,
      central_id: c.customerId,
    });
    return store.byId(id) as CustomerRow;
  }

  function update(row: CustomerRow, c: CentralCustomer, at: number): void {
    const contact = store.contactOf(row);
    if (row.name !== c.name || contact.mobile !== c.mobile || contact.address !== c.address) {
      store.updateContact(
        row.id,
        c.name,
        {
          mobile: c.mobile === '' ? '' : maskMobile(c.mobile),
          mobile_bidx: c.mobile === '' ? '' : cipher.blindIndex('mobile', c.mobile),
        },
        { mobile: c.mobile, address: c.address, certNo: contact.certNo ?? c.certNo },
        at,
      );
    }
    if (row.manager !== c.manager) store.setManager(row.id, c.manager, CENTRAL_ACTOR, at);
  }

  function syncTags(row: CustomerRow, c: CentralCustomer): void {
    const local = new Map(store.tags(row.id).map((t) => [t.tag, t]));
    const defined = new Set(store.tagDefs().map((d) => d.code));
    for (const t of c.tags) {
      if (!isBuiltinTag(t.tag) && !defined.has(t.tag) && t.label) {
        store.defineTag({
          code: t.tag,
          label_zh: t.label.zh,
          label_en: t.label.en,
          created_by: t.setBy,
          created_at: Date.parse(t.setAt),
        });
      }
      const mine = local.get(t.tag);
      const setAt = Date.parse(t.setAt);
      if (!mine || mine.reason !== t.reason || mine.setBy !== t.setBy || mine.setAt !== setAt) {
        store.setTag(row.id, t.tag, t.reason, t.setBy, setAt);
      }
      local.delete(t.tag);
    }
    for (const gone of local.keys()) store.removeTag(row.id, gone);
  }

  function applyOne(c: CentralCustomer, at: number): void {
    const bidx = customers.certIndex({ type: c.certType, number: normalizeCode(c.certNo) });
    const known = store.byCert(c.certType, bidx);
    const row = known ?? insert(c, bidx, at);
    store.setCentralId(row.id, c.customerId);
    for (const e of c.history) {
      store.appendHistory({
        customerId: row.id,
        at: Date.parse(e.at),
        actor: e.actor,
        applicationId: null,
        action: e.action,
        changes: e.changes,
      });
    }
    if (known && customers.pendingSync(row.id)) return;
    if (known) update(row, c, at);
    syncTags(row, c);
    if (c.mergedInto && !row.merged_into) {
      const into = store.byCentralId(c.mergedInto) ?? store.byId(c.mergedInto);
      if (into && into.id !== row.id) store.markMerged(row.id, into.id, at);
    }
  }

  return {
    cursor,
    /** Applies one page and moves the cursor, together; the number of customers applied. */
    applyPage(page: CustomersPage, at: number): number {
      return store.transaction(() => {
        const since = cursor();
        let applied = 0;
        for (const c of page.customers) {
          if (c.seq <= since) continue;
          applyOne(c, at);
          applied++;
        }
        const next = Math.max(since, page.nextCursor, page.customers.at(-1)?.seq ?? 0);
        state.write('customers_cursor', String(next));
        return applied;
      });
    },
  };
}

export type CustomerMirror = ReturnType<typeof createCustomerMirror>;
