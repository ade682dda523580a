import type { Migration } from '../../../../../server-common/db';

/**
 * Service commitments (issue 5): supervisor settings (warning thresholds, loaded holiday
 * calendars, rule sets) with an append-only change log; complaints and requests as a closed
 * loop with their append-only step log; the append-only log of report exports (PIPL: who
 * exported what, when); and an index on deadline_at for sorting and filtering by warning.
 */
export const migration004Service: Migration = {
  version: 4,
  name: 'service',
  up: `
    CREATE TABLE service_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,                  -- JSON, checked by its schema on read and write
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE service_settings_log (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL
    );
    CREATE TRIGGER service_settings_log_no_update BEFORE UPDATE ON service_settings_log
      BEGIN SELECT RAISE(ABORT, 'service_settings_log is append-only'); END;
    CREATE TRIGGER service_settings_log_no_delete BEFORE DELETE ON service_settings_log
      BEGIN SELECT RAISE(ABORT, 'service_settings_log is append-only'); END;

    CREATE TABLE complaints (
      id TEXT PRIMARY KEY,                  -- UUIDv7
      complaint_no TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('complaint','opinion','request')),
      subject TEXT NOT NULL,                -- the matter, for repeat contacts
      channel TEXT NOT NULL,
      customer_name TEXT NOT NULL,
      id_number TEXT NOT NULL DEFAULT '',   -- normalised (upper case), '' when not given
      mobile TEXT NOT NULL DEFAULT '',      -- normalised (no +86), '' when not given
      account_no TEXT NOT NULL DEFAULT '',
      application_id TEXT REFERENCES applications(id),
      content TEXT NOT NULL,                -- free text: shown as text, never logged
      state TEXT NOT NULL CHECK (state IN
        ('taken','dispatched','contacted','answered','visited','archived')),
      rule_version TEXT NOT NULL,           -- the service rules in force when it was taken
      taken_at INTEGER NOT NULL,
      taken_by TEXT NOT NULL,
      contact_due_at INTEGER NOT NULL,
      answer_due_at INTEGER NOT NULL,
      visit_due_at INTEGER,
      assignee TEXT,
      dispatched_at INTEGER,
      contacted_at INTEGER,
      answered_at INTEGER,
      answer TEXT,
      visited_at INTEGER,
      visit_result TEXT CHECK (visit_result IN ('satisfied','basically_satisfied','dissatisfied')),
      archived_at INTEGER,
      next_due_at INTEGER,                  -- deadline of the step it waits for; NULL once archived
      repeat_count INTEGER NOT NULL DEFAULT 1, -- Nth contact on this matter when taken
      version INTEGER NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX complaints_no ON complaints(complaint_no);
    CREATE INDEX complaints_taken ON complaints(taken_at);
    CREATE INDEX complaints_state_taken ON complaints(state, taken_at);
    CREATE INDEX complaints_next_due ON complaints(next_due_at);
    -- Repeat contacts: same customer (ID or phone) on the same subject, in a time window.
    CREATE INDEX complaints_id_subject ON complaints(id_number, subject, taken_at);
    CREATE INDEX complaints_mobile_subject ON complaints(mobile, subject, taken_at);

    CREATE TABLE complaint_events (
      id INTEGER PRIMARY KEY,
      complaint_id TEXT NOT NULL REFERENCES complaints(id),
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,                 -- take, dispatch, contact, answer, visit, archive
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);
    CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;
    CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END;

    CREATE TABLE report_exports (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      report TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('csv','xlsx')),
      row_count INTEGER NOT NULL,
      filters_json TEXT NOT NULL,
      filename TEXT NOT NULL
    );
    CREATE TRIGGER report_exports_no_update BEFORE UPDATE ON report_exports
      BEGIN SELECT RAISE(ABORT, 'report_exports is append-only'); END;
    CREATE TRIGGER report_exports_no_delete BEFORE DELETE ON report_exports
      BEGIN SELECT RAISE(ABORT, 'report_exports is append-only'); END;

    -- Sorting and filtering the applications list by warning is a range on deadline_at.
    CREATE INDEX applications_deadline ON applications(deadline_at);
    -- The supervisor's figures are by acceptance day (the legal start), not creation day.
    CREATE INDEX applications_accepted ON applications(accepted_at);
  `,
};
