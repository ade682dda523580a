import type { ApplicationInput, FieldValues, PaperEntry } from '../../../../shared/api/schemas';
import type { BusinessType } from '../../../../shared/catalogue';
import { normalizeCode, normalizePhone } from '../../../../shared/validators/normalize';
import { staleVersion } from './errors';
import { diffForHistory } from './present';
import type { ApplicationRepository, SearchColumns } from './repository';
import type { ApplicationRow, HistoryRow } from './rows';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Copies of the searchable fields, normalised the way searchBranches() queries them. */
export function searchColumns(fields: FieldValues): SearchColumns {
  return {
    applicant_name: str(fields.applicantName),
    mobile: normalizePhone(str(fields.mobile)),
    id_number: normalizeCode(str(fields.idNumber)),
    credit_code: normalizeCode(str(fields.creditCode)),
    account_no: str(fields.accountNo),
  };
}

/** The stored content of a row, as the history diff compares it. */
export const snapshot = (row: ApplicationRow) => ({
  typeCode: row.type_code,
  accountKind: row.account_kind,
  fields: JSON.parse(row.fields_json) as FieldValues,
  papers: JSON.parse(row.papers_json) as PaperEntry[],
});

/**
 * Whether a stored row holds exactly this content (type, kind, checked fields, papers): a
 * retried request after a lost answer does, a different application under a reused id does not.
 */
export function sameContent(
  row: ApplicationRow,
  input: ApplicationInput,
  fields: FieldValues,
): boolean {
  return (
    row.type_code === input.typeCode &&
    row.account_kind === input.accountKind &&
    row.fields_json === JSON.stringify(fields) &&
    row.papers_json === JSON.stringify(input.papers)
  );
}

export interface RowWrite {
  id: string;
  input: ApplicationInput;
  type: BusinessType;
  fields: FieldValues;
  actor: string;
  existing: ApplicationRow | undefined;
  at: number;
  state: 'draft' | 'ready' | 'queued';
  appNo: string | null;
  acceptedAt: number | null;
  deadlineAt: number | null;
  action: string;
  /** The catalogue version the values were checked against (kept with the application). */
  catalogueVersion: string;
}

/** What a write stored, as reads would return it (so the answer needs no read-back). */
export interface Written {
  row: ApplicationRow;
  history: HistoryRow;
}

/**
 * Writes the application row (insert, or update under the optimistic lock) and its history
 * entry with the masked diff: the one write path of drafts and submits.
 */
export function createRowWriter(repo: ApplicationRepository) {
  return (w: RowWrite): Written => {
    const { input, type, fields, existing } = w;
    const row = {
      id: w.id,
      app_no: w.appNo,
      type_code: type.code,
      family: type.family,
      account_kind: input.accountKind,
      state: w.state,
      ...searchColumns(fields),
      fields_json: JSON.stringify(fields),
      papers_json: JSON.stringify(input.papers),
      catalogue_version: w.catalogueVersion,
      clerk: w.actor,
      ticket_id: input.ticketId ?? existing?.ticket_id ?? null,
      version: existing ? existing.version + 1 : 1,
      created_at: existing?.created_at ?? w.at,
      updated_at: w.at,
      accepted_at: w.acceptedAt,
      deadline_at: w.deadlineAt,
    } as const;
    const stored = existing ? repo.update(row, existing.version) : repo.insert(row);
    if (!stored) throw staleVersion();
    const history = repo.appendHistory({
      application_id: w.id,
      at: w.at,
      actor: w.actor,
      action: w.action,
      changes_json: JSON.stringify(
        diffForHistory(
          { type, accountKind: input.accountKind },
          existing ? snapshot(existing) : null,
          { typeCode: type.code, accountKind: input.accountKind, fields, papers: input.papers },
        ),
      ),
    });
    const central = {
      central_no: existing?.central_no ?? null,
      central_stage: existing?.central_stage ?? null,
    };
    return { row: { ...stored, ...central }, history };
  };
}
