import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../db/statements';
import { FIELDS_CONTEXT, HISTORY_CONTEXT } from '../applications/sealing';
import { OUTBOX_PAYLOAD_CONTEXT, OUTBOX_RESPONSE_CONTEXT } from '../sync/outbox-store';
import { syncStateContext } from '../sync/sync-state';
import { RESOLUTION_REASON_CONTEXT } from '../sync/actions';
import {
  COMPLAINT_ANSWER_CONTEXT,
  COMPLAINT_CONTENT_CONTEXT,
  COMPLAINT_NOTE_CONTEXT,
} from '../complaints/sealing';
import { CHECKLIST_NOTE_CONTEXT } from '../queue/checklists';
import { CONTACT_CONTEXT, CONTACT_HISTORY_CONTEXT, TAG_REASON_CONTEXT } from '../customers/sealing';
import { ALERT_TEXTS_CONTEXT } from '../alerts/store';
import { OUTAGE_TEXTS_CONTEXT } from '../alerts/outage-store';
import { REQUEST_DETAILS_CONTEXT } from '../requests/store';
import { COPY_KEY_CONTEXT } from '../appointments/offline-copy';

/**
 * Every column that holds values sealed with the station's data key, with the context each
 * value was sealed under (the owners' own constants, so a renamed context cannot drift). The key
 * rotation re-seals exactly these; rotate.test.ts fails when a table holds `e1.` values in a
 * column missing here. A new sealed column is added here by its owner.
 */
export interface SealedColumn {
  table: string;
  column: string;
  /** The column that names a row for the update (sync_state has no rowid). */
  rowKey: string;
  /** The associated data of a row's value: fixed per column, or derived from the row's key. */
  context: (rowKey: string | number) => string;
}

const fixed = (context: string) => (): string => context;

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'applications', column: 'fields_json', rowKey: 'id', context: fixed(FIELDS_CONTEXT) },
  {
    table: 'application_history',
    column: 'changes_json',
    rowKey: 'id',
    context: fixed(HISTORY_CONTEXT),
  },
  { table: 'outbox', column: 'payload', rowKey: 'seq', context: fixed(OUTBOX_PAYLOAD_CONTEXT) },
  { table: 'outbox', column: 'response', rowKey: 'seq', context: fixed(OUTBOX_RESPONSE_CONTEXT) },
  // Free text (migration 008); an empty value stays '' and is not re-sealed.
  {
    table: 'complaints',
    column: 'content',
    rowKey: 'id',
    context: fixed(COMPLAINT_CONTENT_CONTEXT),
  },
  { table: 'complaints', column: 'answer', rowKey: 'id', context: fixed(COMPLAINT_ANSWER_CONTEXT) },
  {
    table: 'complaint_events',
    column: 'note',
    rowKey: 'id',
    context: fixed(COMPLAINT_NOTE_CONTEXT),
  },
  {
    table: 'guide_checklists',
    column: 'note',
    rowKey: 'id',
    context: fixed(CHECKLIST_NOTE_CONTEXT),
  },
  {
    table: 'sync_resolutions',
    column: 'reason',
    rowKey: 'id',
    context: fixed(RESOLUTION_REASON_CONTEXT),
  },
  // Customer record (migration 010): contact details, their history, a tag's reason.
  { table: 'customers', column: 'contact', rowKey: 'id', context: fixed(CONTACT_CONTEXT) },
  {
    table: 'customer_contact_history',
    column: 'changes',
    rowKey: 'id',
    context: fixed(CONTACT_HISTORY_CONTEXT),
  },
  // customer_tags' key is two columns: its rows are named by their rowid.
  {
    table: 'customer_tags',
    column: 'reason',
    rowKey: 'rowid',
    context: fixed(TAG_REASON_CONTEXT),
  },
  // Only the secret keys are sealed (SECRET_SYNC_KEYS, scoped `hub.` for the hall hub); the
  // context is `sync_state.<key>` with the scope included.
  {
    table: 'sync_state',
    column: 'value',
    rowKey: 'key',
    context: (key) => syncStateContext(String(key)),
  },
  // Issue 17: hall alert texts and what was typed for a request (phone, 户号, address, answer).
  { table: 'hall_alerts', column: 'texts', rowKey: 'id', context: fixed(ALERT_TEXTS_CONTEXT) },
  // Planned outages pulled from central: what is affected and the customer notice.
  {
    table: 'planned_outages',
    column: 'texts',
    rowKey: 'id',
    context: fixed(OUTAGE_TEXTS_CONTEXT),
  },
  {
    table: 'service_requests',
    column: 'details',
    rowKey: 'id',
    context: fixed(REQUEST_DETAILS_CONTEXT),
  },
  // Check-in with the hub down: the hub's matching key of each day.
  {
    table: 'appt_copy_keys',
    column: 'key_sealed',
    rowKey: 'day',
    context: fixed(COPY_KEY_CONTEXT),
  },
];

/** The tables a station file holds, for the tools that read every sealed column of one. */
export const tableNamesOf = (db: BetterSqlite3.Database): ReadonlySet<string> =>
  new Set(
    prepared<[], { name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name),
  );
