import type { Migration } from '../../server-common/db';

/**
 * Customer record (issue 15): a ticket may name the customer it was issued for, by the
 * station's customer id (an opaque UUID, no personal data), so an account manager's "call my
 * customer" takes their customers' tickets first. Portable SQL (TEXT column, no default).
 */
export const migration007QueueCustomerRef: Migration = {
  version: 7,
  name: 'queue_customer_ref',
  up: `
    ALTER TABLE queue_tickets ADD COLUMN customer_ref TEXT;
  `,
};
