import type { Migration } from '../../../../../server-common/db';

/**
 * Issue 14 (submit): two fewer index pages written with every new customer, which every submit
 * of a first-time customer makes (in the submit's own transaction).
 * - `customers_manager` holds only customers who have a manager: most never do, and their NULL
 *   entries were written for nothing. Both queries on it (`manager = ?`, `manager IS NOT NULL`)
 *   imply `manager IS NOT NULL`, so SQLite still uses it.
 * - `customers_cert` (cert_type, cert_bidx) and `customers_cert_bidx` (cert_bidx) become one
 *   unique index led by the blind index: it answers both the look-up by type and index and the
 *   one by index alone, and keeps one customer per certificate.
 * Self-contained: nothing here touches another table.
 */
export const migration015CustomerIndexes: Migration = {
  version: 15,
  name: 'customer_indexes',
  up: `
    DROP INDEX customers_manager;
    CREATE INDEX customers_manager ON customers(manager) WHERE manager IS NOT NULL;
    DROP INDEX customers_cert_bidx;
    DROP INDEX customers_cert;
    CREATE UNIQUE INDEX customers_cert ON customers(cert_bidx, cert_type);
  `,
};
