import type { PostgresMigration } from './types';

/** PostgreSQL twin of ../012_sealed_payloads.ts (the payload read as json instead of json_extract). */
export const pgMigration012SealedPayloads: PostgresMigration = {
  version: 12,
  name: 'sealed_payloads',
  up: `
    DROP INDEX IF EXISTS applications_counter_no;
    ALTER TABLE applications ADD COLUMN app_no TEXT;
    UPDATE applications SET app_no = (payload::json) ->> 'appNo';
    CREATE INDEX applications_app_no ON applications(app_no);
    CREATE INDEX applications_plain_payload ON applications(application_id)
      WHERE payload NOT LIKE 'e1.%';
    CREATE INDEX hall_requests_plain_payload ON hall_requests(record_id)
      WHERE payload NOT LIKE 'e1.%';
    CREATE INDEX ops_plain_conflict ON ops(device_id, op_id)
      WHERE result LIKE '%"payload":{%' AND result NOT LIKE 'e1.%';
  `,
};
