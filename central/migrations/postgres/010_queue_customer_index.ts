import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../010_queue_customer_index.ts (the same statement). */
export const pgMigration010QueueCustomerIndex: PostgresMigration = {
  version: 10,
  name: 'queue_customer_index',
  up: `
    CREATE INDEX queue_tickets_customer ON queue_tickets(hall_code, customer_ref);
  `,
};
