import { normalizeCode } from '../../../../shared/validators/normalize';
import type { CertificateType } from '../../../../shared/validators/certificates';
import { lazyCipherOf } from '../crypto';
import type { Database } from '../db';
import { classifyQuery, compactQuery } from '../protected-search/classify';
import type { CustomerService } from './service';
import type { CustomerRow } from './store';

/** A 户号: digits only, as the counter types it (matched whole, like any protected value). */
const ACCOUNT_NO = /^\d{5,20}$/;

/**
 * Finds customers the way applications are found: a whole ID number, credit code or phone by
 * its blind index (the protected-search guard around `customers.search` limits and audits
 * these), a 户号 whole, a name by its prefix. Merged duplicates answer with their survivor.
 */
export function createCustomerSearch(db: Database, customers: CustomerService) {
  const cipher = lazyCipherOf(db);
  const { store } = customers;

  function rowsFor(q: string): CustomerRow[] {
    const kind = classifyQuery(q);
    const compact = compactQuery(q);
    if (kind.kind === 'whole') {
      if (kind.column === 'mobile') return store.byMobile(cipher.blindIndex('mobile', compact));
      const byCert = store.byCertNumber(cipher.blindIndex(kind.column, compact));
      // 8–10 digits are a whole permit or passport and a 户号 alike: both are looked up whole.
      return ACCOUNT_NO.test(compact) ? [...byCert, ...store.byAccount(compact)] : byCert;
    }
    if (kind.kind === 'fragment') return ACCOUNT_NO.test(compact) ? store.byAccount(compact) : [];
    if (kind.kind === 'text') {
      // A passport or permit number is text-like: try it whole, then as a name.
      const byCert = store.byCertNumber(cipher.blindIndex('id_number', compact));
      return byCert.length > 0 ? byCert : store.byNamePrefix(q.trim());
    }
    return [];
  }

  return {
    search(q: string): CustomerRow[] {
      const out = new Map<string, CustomerRow>();
      for (const row of rowsFor(q)) {
        const live = customers.live(row);
        if (live) out.set(live.id, live);
      }
      return [...out.values()];
    },
    /** By certificate: the type given first, then the same number under any type. */
    identify(input: {
      certType?: CertificateType | undefined;
      idNumber?: string | undefined;
      creditCode?: string | undefined;
    }): CustomerRow | undefined {
      if (input.creditCode !== undefined) {
        return customers.byCertificate({
          type: 'credit_code',
          number: normalizeCode(input.creditCode),
        });
      }
      const number = normalizeCode(input.idNumber ?? '');
      if (number === '') return undefined;
      const typed = customers.byCertificate({ type: input.certType ?? 'resident_id', number });
      if (typed) return typed;
      return customers.live(store.byCertNumber(cipher.blindIndex('id_number', number))[0]);
    },
  };
}
