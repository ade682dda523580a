import type { Migration } from '../../server-common/db';

/**
 * Central seals the payloads of applications and hall requests (they hold ID numbers, phones
 * and addresses): look-ups by counter number can no longer read it out of the payload, so it
 * gets its own column (an application number is not personal data), filled from the rows still
 * in clear. The old index on the payload's appNo goes (it cannot read a sealed payload). The
 * migration runner has no keys: central seals the plain rows at start-up
 * (central/sealed-payloads.ts); the partial indexes find those rows without a table scan.
 */
export const migration012SealedPayloads: Migration = {
  version: 12,
  name: 'sealed_payloads',
  up: `
    DROP INDEX IF EXISTS applications_counter_no;
    ALTER TABLE applications ADD COLUMN app_no TEXT;
    UPDATE applications SET app_no = json_extract(payload, '$.appNo');
    CREATE INDEX applications_app_no ON applications(app_no);
    CREATE INDEX applications_plain_payload ON applications(application_id)
      WHERE payload NOT LIKE 'e1.%';
    CREATE INDEX hall_requests_plain_payload ON hall_requests(record_id)
      WHERE payload NOT LIKE 'e1.%';
    CREATE INDEX ops_plain_conflict ON ops(device_id, op_id)
      WHERE result LIKE '%"payload":{%' AND result NOT LIKE 'e1.%';
  `,
};
