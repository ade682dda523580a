import type { Migration } from '../../../../../server-common/db';

/**
 * Issue 17: hall alerts (红橙黄 for the whole hall) and the requests beside applications
 * (故障报修, 信息订阅, 咨询). Alerts: raised here or pulled from central (its area alerts and
 * those of the hall's other stations); only their end changes afterwards. Their texts are free
 * text, sealed in one JSON column. Requests: everything typed (phone, 户号, address, answer) is
 * sealed in `details`; masked copies and the phone's blind index sit beside it for lists and,
 * later, the customer record's timeline. A subscription's consent and its withdrawal are
 * columns of its row: who, when, how, and which statement was read.
 */
export const migration010HallRecords: Migration = {
  version: 10,
  name: 'hall_records',
  up: `
    CREATE TABLE hall_alerts (
      id TEXT PRIMARY KEY,
      origin TEXT NOT NULL CHECK (origin IN ('hall', 'central')),
      area TEXT,
      level TEXT NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
      texts TEXT NOT NULL,
      starts_at INTEGER NOT NULL,
      ends_at INTEGER NOT NULL,
      raised_by TEXT NOT NULL,
      ended_at INTEGER,
      ended_by TEXT,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX hall_alerts_ends ON hall_alerts(ends_at);

    CREATE TABLE service_requests (
      id TEXT PRIMARY KEY,
      request_no TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('fault', 'subscription', 'enquiry')),
      topic TEXT NOT NULL,
      taken_at INTEGER NOT NULL,
      taken_by TEXT NOT NULL,
      details TEXT NOT NULL,
      phone_masked TEXT NOT NULL DEFAULT '',
      phone_bidx TEXT,
      account_no_masked TEXT NOT NULL DEFAULT '',
      arrive_by INTEGER,
      consent_at INTEGER,
      consent_method TEXT,
      consent_version TEXT,
      withdrawn_at INTEGER,
      withdrawn_by TEXT
    );
    CREATE INDEX service_requests_taken ON service_requests(taken_at);
    CREATE INDEX service_requests_kind ON service_requests(kind, taken_at);
    CREATE INDEX service_requests_phone ON service_requests(phone_bidx) WHERE phone_bidx IS NOT NULL;
  `,
};
