import type { Migration } from '../../../../../server-common/db';

/**
 * Customers synced through central (issue 15): `central_id` is the id the hall's central system
 * knows a customer by (the id of the station that sent it first), learnt from the pull. A ticket
 * carries it, so "叫我的客户" on any station of the hall finds tickets issued at another. The
 * certificate number itself travels sealed inside `contact` (no new column to seal).
 * Self-contained: nothing here touches another area's table.
 */
export const migration013CustomerSync: Migration = {
  version: 13,
  name: 'customer_sync',
  up: `
    ALTER TABLE customers ADD COLUMN central_id TEXT;
    CREATE INDEX customers_central ON customers(central_id) WHERE central_id IS NOT NULL;
  `,
};
