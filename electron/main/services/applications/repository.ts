import type { Database } from '../db';
import type { ApplicationRow, HistoryRow, OutboxInsert } from './rows';

/** The search columns copied out of the fields on every write. */
export interface SearchColumns {
  applicant_name: string;
  mobile: string;
  id_number: string;
  credit_code: string;
  account_no: string;
}

export type ApplicationWrite = Omit<ApplicationRow, 'central_no' | 'central_stage'>;

/**
 * Statements over applications, their history, the app-number counter and the outbox.
 * Prepared once; callers compose them inside their own transactions.
 */
export function createApplicationRepository(db: Database) {
  const byId = db.prepare<[string], ApplicationRow>('SELECT * FROM applications WHERE id = ?');
  const insert = db.prepare<[ApplicationWrite]>(`
    INSERT INTO applications (id, app_no, type_code, family, account_kind, state, applicant_name,
      mobile, id_number, credit_code, account_no, fields_json, papers_json, catalogue_version,
      clerk, ticket_id, version, created_at, updated_at, accepted_at, deadline_at)
    VALUES (@id, @app_no, @type_code, @family, @account_kind, @state, @applicant_name,
      @mobile, @id_number, @credit_code, @account_no, @fields_json, @papers_json,
      @catalogue_version, @clerk, @ticket_id, @version, @created_at, @updated_at, @accepted_at,
      @deadline_at)`);
  // Guarded by the version read inside the same transaction: 0 changes means someone else won.
  const update = db.prepare<[ApplicationWrite & { base_version: number }]>(`
    UPDATE applications SET app_no = @app_no, type_code = @type_code, family = @family,
      account_kind = @account_kind, state = @state, applicant_name = @applicant_name,
      mobile = @mobile, id_number = @id_number, credit_code = @credit_code,
      account_no = @account_no, fields_json = @fields_json, papers_json = @papers_json,
      catalogue_version = @catalogue_version, clerk = @clerk, ticket_id = @ticket_id,
      version = @version, updated_at = @updated_at, accepted_at = @accepted_at,
      deadline_at = @deadline_at
    WHERE id = @id AND version = @base_version`);
  const history = db.prepare<[string], HistoryRow>(
    'SELECT * FROM application_history WHERE application_id = ? ORDER BY id',
  );
  const appendHistory = db.prepare<[Omit<HistoryRow, 'id'>]>(`
    INSERT INTO application_history (application_id, at, actor, action, changes_json)
    VALUES (@application_id, @at, @actor, @action, @changes_json)`);
  const nextSeq = db.prepare<[string, string], { last_seq: number }>(`
    INSERT INTO app_no_counter (station_code, day, last_seq) VALUES (?, ?, 1)
    ON CONFLICT (station_code, day) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq`);
  const insertOutbox = db.prepare<[OutboxInsert]>(`
    INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
    VALUES (@op_id, @application_id, @kind, @payload, @payload_hash, @created_at)`);

  return {
    findById: (id: string): ApplicationRow | undefined => byId.get(id),
    insert: (row: ApplicationWrite): void => void insert.run(row),
    /** False when the stored version is no longer `baseVersion`. */
    update: (row: ApplicationWrite, baseVersion: number): boolean =>
      update.run({ ...row, base_version: baseVersion }).changes === 1,
    history: (id: string): HistoryRow[] => history.all(id),
    appendHistory: (row: Omit<HistoryRow, 'id'>): void => void appendHistory.run(row),
    /** Next number in the station's sequence for a hall day; counts from 1 each day. */
    nextAppSeq: (stationCode: string, day: string): number => {
      const row = nextSeq.get(stationCode, day);
      if (!row) throw new Error('app_no counter returned no row');
      return row.last_seq;
    },
    insertOutbox: (row: OutboxInsert): void => void insertOutbox.run(row),
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
  };
}

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
