import { lazyCipherOf, storedIdentifiers, type StoredIdentifiers } from '../crypto';
import { immediate, prepared, type Database } from '../db';
import { namePinyin } from './name-pinyin';
import type { ApplicationRow, HistoryRow } from './rows';
import { openFields, openHistory, sealFields, sealHistory } from './sealing';

/** The search columns copied out of the fields on every write. */
export interface SearchColumns {
  applicant_name: string;
  mobile: string;
  id_number: string;
  credit_code: string;
  account_no: string;
}

/** The pinyin keys are derived from the name here, on every write (name-pinyin.ts). */
export type ApplicationWrite = Omit<
  ApplicationRow,
  'central_no' | 'central_stage' | 'name_initials' | 'name_pinyin'
>;

/** What the sync screens show of an application next to its operation. */
export interface ApplicationSyncInfo {
  app_no: string | null;
  type_code: string;
  central_no: string | null;
  central_stage: string | null;
}

/** An application taken while a queue ticket was served. */
export interface TicketApplication {
  id: string;
  app_no: string | null;
  type_code: string;
  state: string;
}

/** The customer keys repeat-contact checks look at: blind indexes, never the values. */
export interface ApplicationContactKeys {
  id: string;
  family: string;
  id_number_bidx: string;
  credit_code_bidx: string;
  mobile_bidx: string;
  accepted_at: number | null;
  created_at: number;
}

/** A submitted application with its mirrored central stage (public look-up, service info). */
export interface ApplicationWithStage {
  id: string;
  app_no: string | null;
  central_no: string | null;
  type_code: string;
  catalogue_version: string;
  applicant_name: string;
  /** Masked; compare a typed phone through `mobile_bidx`. */
  mobile: string;
  mobile_bidx: string;
  fields_json: string;
  accepted_at: number | null;
  deadline_at: number | null;
  central_stage: string | null;
  stage: string | null;
  stage_index: number | null;
  stage_count: number | null;
  stage_at: number | null;
}

/** An application as a customer's timeline and a manager's list show it (no personal data). */
export interface CustomerApplication {
  id: string;
  app_no: string | null;
  type_code: string;
  state: string;
  account_no: string;
  ticket_id: string | null;
  created_at: number;
  accepted_at: number | null;
  deadline_at: number | null;
}

/** States the outbox derives; a draft or ready row is the clerk's and never touched by sync. */
export type SyncedState = 'queued' | 'sent' | 'acknowledged' | 'rejected' | 'conflict';

/** An answer's central number and stage with the state derived with it. */
export interface AdoptedCentralNo {
  id: string;
  centralNo: string;
  stage: string | null;
  state: SyncedState;
}

const WITH_STAGE = `
  SELECT a.id, a.app_no, a.central_no, a.type_code, a.catalogue_version, a.applicant_name, a.mobile, a.mobile_bidx,
    a.fields_json,
    a.accepted_at, a.deadline_at, a.central_stage, m.stage, m.stage_index, m.stage_count,
    m.stage_at
  FROM applications a LEFT JOIN sync_mirror m ON m.application_id = a.id`;

type StoredWrite = Omit<ApplicationWrite, keyof StoredIdentifiers> &
  StoredIdentifiers & { name_initials: string; name_pinyin: string };

const pinyinColumns = (name: string) => {
  const keys = namePinyin(name);
  return { name_initials: keys.initials, name_pinyin: keys.full };
};

/** A written row as a read would return it: identifier columns masked, fields opened. */
export type StoredView = StoredWrite;

/**
 * The owner of `applications`, `application_history` and `app_no_counter`: every write to them
 * and every read another area needs is a function here. Callers compose them inside their own
 * transactions. Personal data is sealed here on the way in and opened on the way out
 * (sealing.ts): callers see plain fields and masked identifier columns.
 */
export function createApplicationRepository(db: Database) {
  const cipher = lazyCipherOf(db);
  const toStored = (row: ApplicationWrite): StoredWrite => ({
    ...row,
    ...storedIdentifiers(cipher, row),
    ...pinyinColumns(row.applicant_name),
    fields_json: sealFields(cipher, row.fields_json),
  });
  const opened = <R extends { fields_json: string }>(row: R | undefined): R | undefined =>
    row && { ...row, fields_json: openFields(cipher, row.fields_json) };
  const byId = prepared<[string], ApplicationRow>(db, 'SELECT * FROM applications WHERE id = ?');
  const insert = prepared<[StoredWrite]>(
    db,
    `
    INSERT INTO applications (id, app_no, type_code, family, account_kind, state, applicant_name,
      name_initials, name_pinyin,
      mobile, id_number, credit_code, mobile_bidx, id_number_bidx, credit_code_bidx, account_no,
      fields_json, papers_json, catalogue_version, clerk, ticket_id, version, created_at,
      updated_at, accepted_at, deadline_at)
    VALUES (@id, @app_no, @type_code, @family, @account_kind, @state, @applicant_name,
      @name_initials, @name_pinyin, @mobile, @id_number, @credit_code, @mobile_bidx, @id_number_bidx, @credit_code_bidx,
      @account_no, @fields_json, @papers_json,
      @catalogue_version, @clerk, @ticket_id, @version, @created_at, @updated_at, @accepted_at,
      @deadline_at)`,
  );
  // Guarded by the version read inside the same transaction: 0 changes means someone else won.
  const update = prepared<[StoredWrite & { base_version: number }]>(
    db,
    `
    UPDATE applications SET app_no = @app_no, type_code = @type_code, family = @family,
      account_kind = @account_kind, state = @state, applicant_name = @applicant_name,
      name_initials = @name_initials, name_pinyin = @name_pinyin,
      mobile = @mobile, id_number = @id_number, credit_code = @credit_code,
      mobile_bidx = @mobile_bidx, id_number_bidx = @id_number_bidx,
      credit_code_bidx = @credit_code_bidx, account_no = @account_no, fields_json = @fields_json, papers_json = @papers_json,
      catalogue_version = @catalogue_version, clerk = @clerk, ticket_id = @ticket_id,
      version = @version, updated_at = @updated_at, accepted_at = @accepted_at,
      deadline_at = @deadline_at
    WHERE id = @id AND version = @base_version`,
  );
  const history = prepared<[string], HistoryRow>(
    db,
    'SELECT * FROM application_history WHERE application_id = ? ORDER BY id',
  );
  const appendHistory = prepared<[Omit<HistoryRow, 'id'>]>(
    db,
    `
    INSERT INTO application_history (application_id, at, actor, action, changes_json)
    VALUES (@application_id, @at, @actor, @action, @changes_json)`,
  );
  const nextSeq = prepared<[string, string], { last_seq: number }>(
    db,
    `
    INSERT INTO app_no_counter (station_code, day, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (station_code, day) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq`,
  );
  // The central number as an answer to our own operation: a stage already mirrored stays.
  const adoptCentralNo = prepared<[string, string | null, string]>(
    db,
    'UPDATE applications SET central_no = ?, central_stage = COALESCE(central_stage, ?) WHERE id = ?',
  );
  // The change feed is newer than any answer: it sets both.
  const mirrorCentral = prepared<[string, string, string, string, string]>(
    db,
    // An unchanged row is not written again (the push's answer usually brought the same).
    `UPDATE applications SET central_no = ?, central_stage = ?
      WHERE id = ? AND (central_no IS NOT ? OR central_stage IS NOT ?)`,
  );
  const setSyncedState = prepared<[string, string]>(
    db,
    `
    UPDATE applications SET state = ?
     WHERE id = ? AND state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')`,
  );
  // An answer's central number and the state derived with it, in one write of the row.
  const adoptWithState = prepared<[string, string | null, string, string]>(
    db,
    `
    UPDATE applications SET central_no = ?, central_stage = COALESCE(central_stage, ?),
      state = CASE WHEN state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')
                   THEN ? ELSE state END
     WHERE id = ?`,
  );
  // The same two writes for a whole batch (a JSON array of ids, or of id and value objects).
  // `+state` keeps the state index out: the ids lead, through the primary key.
  const setSyncedStates = prepared<[string, string]>(
    db,
    `
    UPDATE applications SET state = ?
     WHERE id IN (SELECT value FROM json_each(?))
       AND +state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')`,
  );
  const adoptManyWithState = prepared<[string]>(
    db,
    `
    UPDATE applications SET central_no = a.value ->> 'centralNo',
      central_stage = COALESCE(central_stage, a.value ->> 'stage'),
      state = CASE WHEN state IN ('queued', 'sent', 'acknowledged', 'rejected', 'conflict')
                   THEN a.value ->> 'state' ELSE state END
      FROM json_each(?) AS a
     WHERE applications.id = a.value ->> 'id'`,
  );
  const syncInfo = prepared<[string], ApplicationSyncInfo>(
    db,
    'SELECT app_no, type_code, central_no, central_stage FROM applications WHERE id = ?',
  );
  const byTicket = prepared<[string], TicketApplication>(
    db,
    'SELECT id, app_no, type_code, state FROM applications WHERE ticket_id = ? ORDER BY created_at',
  );
  const contactKeys = prepared<[string], ApplicationContactKeys>(
    db,
    `SELECT id, family, id_number_bidx, credit_code_bidx, mobile_bidx, accepted_at, created_at
     FROM applications WHERE id = ?`,
  );
  const CUSTOMER_COLUMNS = `id, app_no, type_code, state, account_no, ticket_id, created_at,
    accepted_at, deadline_at`;
  const byIdNumberBidx = prepared<[string], CustomerApplication>(
    db,
    `SELECT ${CUSTOMER_COLUMNS} FROM applications INDEXED BY applications_id_number_bidx
      WHERE id_number_bidx = ? ORDER BY created_at DESC LIMIT 200`,
  );
  const acceptedKeys = prepared<[number, number], AcceptedKey>(
    db,
    `SELECT id_number_bidx, credit_code_bidx, type_code FROM applications
      WHERE accepted_at >= ? AND accepted_at <= ?`,
  );
  const byCreditCodeBidx = prepared<[string], CustomerApplication>(
    db,
    `SELECT ${CUSTOMER_COLUMNS} FROM applications INDEXED BY applications_credit_code_bidx
      WHERE credit_code_bidx = ? ORDER BY created_at DESC LIMIT 200`,
  );
  const withStageById = prepared<[string], ApplicationWithStage>(
    db,
    `${WITH_STAGE} WHERE a.id = ?`,
  );
  const withStageByNo = prepared<[string, string], ApplicationWithStage>(
    db,
    `${WITH_STAGE} WHERE a.app_no = ? OR a.central_no = ? LIMIT 1`,
  );

  return {
    /** How many applications are in each state (diagnostics: counts, never rows). */
    countByState(): Record<string, number> {
      const rows = prepared<[], { k: string; n: number }>(
        db,
        'SELECT state AS k, count(*) AS n FROM applications GROUP BY state',
      ).all();
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    },
    /** Stations that numbered applications in this file (identifies files from before stamps). */
    numberingStations(): string[] {
      return prepared<[], { s: string }>(
        db,
        'SELECT DISTINCT station_code AS s FROM app_no_counter',
      )
        .all()
        .map((r) => r.s);
    },
    /** The row with its fields opened; identifier columns stay masked. */
    findById: (id: string): ApplicationRow | undefined => opened(byId.get(id)),
    /** Returns the row as findById would read it back (identifiers masked, fields plain). */
    insert: (row: ApplicationWrite): StoredView => {
      const stored = toStored(row);
      insert.run(stored);
      return { ...stored, fields_json: row.fields_json };
    },
    /** The row as findById would read it back; undefined when the stored version moved on. */
    update: (row: ApplicationWrite, baseVersion: number): StoredView | undefined => {
      const stored = toStored(row);
      if (update.run({ ...stored, base_version: baseVersion }).changes !== 1) return undefined;
      return { ...stored, fields_json: row.fields_json };
    },
    history: (id: string): HistoryRow[] =>
      history.all(id).map((h) => ({ ...h, changes_json: openHistory(cipher, h.changes_json) })),
    /** Returns the entry as history() would read it back. */
    appendHistory: (row: Omit<HistoryRow, 'id'>): HistoryRow => {
      const sealed = { ...row, changes_json: sealHistory(cipher, row.changes_json) };
      return { ...row, id: Number(appendHistory.run(sealed).lastInsertRowid) };
    },
    /** Next number in the station's sequence for a hall day; counts from 1 each day. */
    nextAppSeq: (stationCode: string, day: string): number => {
      const row = nextSeq.get(stationCode, day);
      if (!row) throw new Error('app_no counter returned no row');
      return row.last_seq;
    },
    exists: (id: string): boolean => syncInfo.get(id) !== undefined,
    /** The central number from an acknowledgement or a kept central record. */
    adoptCentralNo: (id: string, centralNo: string, stage: string | null): void =>
      void adoptCentralNo.run(centralNo, stage, id),
    /** Number and stage from the central change feed. */
    mirrorCentral: (id: string, centralNo: string, stage: string): void =>
      void mirrorCentral.run(centralNo, stage, id, centralNo, stage),
    /** adoptCentralNo and setSyncedState together (one row write instead of two). */
    adoptCentralNoWithState: (
      id: string,
      centralNo: string,
      stage: string | null,
      state: SyncedState,
    ): void => void adoptWithState.run(centralNo, stage, state, id),
    /** The state the outbox derived; only rows already handed to sync change. */
    setSyncedState: (id: string, state: SyncedState): void => void setSyncedState.run(state, id),
    /** setSyncedState for many applications with one state, in one statement. */
    setSyncedStates: (ids: readonly string[], state: SyncedState): void => {
      if (ids.length > 0) setSyncedStates.run(state, JSON.stringify(ids));
    },
    /** adoptCentralNoWithState for a batch of answers, in one statement. */
    adoptCentralNosWithState: (adopted: readonly AdoptedCentralNo[]): void => {
      if (adopted.length > 0) adoptManyWithState.run(JSON.stringify(adopted));
    },
    centralNo: (id: string): string | null => syncInfo.get(id)?.central_no ?? null,
    syncInfo: (id: string): ApplicationSyncInfo | undefined => syncInfo.get(id),
    byTicket: (ticketId: string): TicketApplication[] => byTicket.all(ticketId),
    contactKeys: (id: string): ApplicationContactKeys | undefined => contactKeys.get(id),
    /**
     * A customer's applications by the blind index of their certificate (customer record):
     * newest first, at most 200. `credit_code` for an organisation, `id_number` for a person.
     */
    byCustomerCertificate: (
      column: 'id_number' | 'credit_code',
      bidx: string,
    ): CustomerApplication[] =>
      bidx === '' ? [] : (column === 'credit_code' ? byCreditCodeBidx : byIdNumberBidx).all(bidx),
    /** The customer keys (blind indexes) and types of the applications accepted in a span. */
    acceptedKeys: (from: number, to: number): AcceptedKey[] => acceptedKeys.all(from, to),
    withStage: (id: string): ApplicationWithStage | undefined => opened(withStageById.get(id)),
    /** By the station's number or the central number. */
    withStageByNumber: (no: string): ApplicationWithStage | undefined =>
      opened(withStageByNo.get(no, no)),
    transaction: <T>(fn: () => T): T => immediate(db, fn),
  };
}

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;

/** Who an accepted application is for, by blind index only (no personal value). */
export interface AcceptedKey {
  id_number_bidx: string | null;
  credit_code_bidx: string | null;
  type_code: string;
}
