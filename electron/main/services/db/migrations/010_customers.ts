import type { Migration } from '../../../../../server-common/db';

/**
 * The customer record (issue 15): one customer per certificate, found by the blind index of the
 * normalised certificate number under its type (credit codes upper-cased like every code), with
 * the 户号 accounts seen on its applications, the history of its contact details (who, when,
 * from which application; the values sealed), its tags (who set each and why), the account
 * manager a supervisor assigned, and the notifications a manager sees. A duplicate merged by a
 * supervisor keeps its row with `merged_into`, so a look-up by its certificate finds the
 * survivor. Self-contained: nothing here touches another area's table.
 */
export const migration010Customers: Migration = {
  version: 10,
  name: 'customers',
  up: `
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,                   -- UUIDv7
      cert_type TEXT NOT NULL,               -- resident_id, passport, …, credit_code
      cert_bidx TEXT NOT NULL,               -- blind index of the normalised number
      cert_masked TEXT NOT NULL,             -- for lists, which never decrypt
      kind TEXT NOT NULL CHECK (kind IN ('person','organisation')),
      name TEXT NOT NULL,                    -- the latest spelling; plain like applicant_name
      mobile TEXT NOT NULL DEFAULT '',       -- masked
      mobile_bidx TEXT NOT NULL DEFAULT '',
      contact TEXT NOT NULL,                 -- sealed JSON {mobile, address}
      manager TEXT,                          -- staff number of the account manager
      manager_set_by TEXT,
      manager_set_at INTEGER,
      merged_into TEXT REFERENCES customers(id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX customers_cert ON customers(cert_type, cert_bidx);
    CREATE INDEX customers_cert_bidx ON customers(cert_bidx);
    CREATE INDEX customers_mobile ON customers(mobile_bidx);
    CREATE INDEX customers_name ON customers(name);
    CREATE INDEX customers_manager ON customers(manager);

    CREATE TABLE customer_accounts (
      customer_id TEXT NOT NULL REFERENCES customers(id),
      account_no TEXT NOT NULL,              -- 户号
      first_seen_at INTEGER NOT NULL,
      application_id TEXT,                   -- the application it was first seen on
      PRIMARY KEY (customer_id, account_no)
    ) WITHOUT ROWID;
    CREATE INDEX customer_accounts_no ON customer_accounts(account_no);

    -- Every change of name or contact details: never overwritten silently.
    CREATE TABLE customer_contact_history (
      id INTEGER PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      application_id TEXT,
      action TEXT NOT NULL,                  -- created, contact, merged
      changes TEXT NOT NULL                  -- sealed JSON {field: {from, to}}
    );
    CREATE INDEX customer_contact_history_customer ON customer_contact_history(customer_id, id);
    CREATE TRIGGER customer_contact_history_no_update BEFORE UPDATE ON customer_contact_history
      BEGIN SELECT RAISE(ABORT, 'customer_contact_history is append-only'); END;
    CREATE TRIGGER customer_contact_history_no_delete BEFORE DELETE ON customer_contact_history
      BEGIN SELECT RAISE(ABORT, 'customer_contact_history is append-only'); END;

    CREATE TABLE customer_tag_defs (
      code TEXT PRIMARY KEY,                 -- hall-defined: h_<slug>
      label_zh TEXT NOT NULL,
      label_en TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );

    CREATE TABLE customer_tags (
      customer_id TEXT NOT NULL REFERENCES customers(id),
      tag TEXT NOT NULL,
      reason TEXT NOT NULL,                  -- sealed free text
      set_by TEXT NOT NULL,
      set_at INTEGER NOT NULL,
      PRIMARY KEY (customer_id, tag)
    );                                       -- with a rowid: the key rotation names rows by it

    CREATE TABLE customer_notifications (
      id INTEGER PRIMARY KEY,
      recipient TEXT NOT NULL,               -- staff number
      kind TEXT NOT NULL,                    -- complaint
      customer_id TEXT NOT NULL REFERENCES customers(id),
      ref TEXT NOT NULL,                     -- the complaint's id
      at INTEGER NOT NULL,
      read_at INTEGER
    );
    CREATE INDEX customer_notifications_recipient ON customer_notifications(recipient, id);
  `,
};
