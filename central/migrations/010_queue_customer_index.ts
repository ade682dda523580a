import type { Migration } from '../../server-common/db';

/**
 * Customer timeline (issue 15): the hub answers one customer's tickets by `customer_ref`
 * within a hall; without an index that reads every ticket the hall ever issued.
 */
export const migration010QueueCustomerIndex: Migration = {
  version: 10,
  name: 'queue_customer_index',
  up: `
    CREATE INDEX IF NOT EXISTS queue_tickets_customer ON queue_tickets(hall_code, customer_ref);
  `,
};
