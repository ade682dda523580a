import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../007_queue_customer_ref.ts (the same statement). */
export const pgMigration007QueueCustomerRef: PostgresMigration = {
  version: 7,
  name: 'queue_customer_ref',
  up: `
    ALTER TABLE queue_tickets ADD COLUMN customer_ref TEXT;
  `,
};
