import type { LocalState } from '../../../../shared/api/schemas';

/** One row of `applications` as stored (times in epoch ms, JSON as text). */
export interface ApplicationRow {
  id: string;
  app_no: string | null;
  type_code: string;
  family: string;
  account_kind: string;
  state: LocalState;
  applicant_name: string;
  name_initials: string;
  name_pinyin: string;
  mobile: string;
  id_number: string;
  credit_code: string;
  account_no: string;
  fields_json: string;
  papers_json: string;
  catalogue_version: string;
  clerk: string;
  ticket_id: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  accepted_at: number | null;
  deadline_at: number | null;
  central_no: string | null;
  central_stage: string | null;
}

export interface HistoryRow {
  id: number;
  application_id: string;
  at: number;
  actor: string;
  action: string;
  changes_json: string;
}

/** States in which the clerk may still edit; everything after is the sync engine's. */
export const EDITABLE_STATES: readonly LocalState[] = ['draft', 'ready'];
