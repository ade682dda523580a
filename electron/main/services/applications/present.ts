import type {
  ApplicationDetail,
  ApplicationSummary,
  FieldValue,
  FieldValues,
  HistoryEntry,
  PaperEntry,
} from '../../../../shared/api/schemas';
import type { AccountKind, BusinessType, FieldDef } from '../../../../shared/catalogue/types';
import { fieldDefsByKey } from '../../../../shared/catalogue/applicability';
import {
  MASKED_KINDS,
  maskCreditCode,
  maskIdNumber,
  maskMiddle,
  maskMobile,
  maskPersonal,
} from '../../../../shared/domain/mask';
import { maskNumbersInText } from '../../../../shared/domain/mask-text';
import { toHallIso } from '../../../../shared/hall-time';
import type { ApplicationRow, HistoryRow } from './rows';
import type { SummaryRow } from './search';

/** Shown for a value whose field the catalogue no longer knows: we cannot tell if it is personal. */
const UNKNOWN_FIELD_MASK = '***';

/** The catalogue's view of one application: its type (if still known) and account kind. */
export interface TypeContext {
  type: BusinessType | undefined;
  accountKind: string;
}

const NO_DEFS: readonly FieldDef[] = [];

/** A key may be defined twice for disjoint account kinds (applicantName: person or organisation). */
function fieldDef(ctx: TypeContext, key: string) {
  const defs = (ctx.type && fieldDefsByKey(ctx.type).get(key)) ?? NO_DEFS;
  return (
    defs.find((f) => !f.accountKinds || f.accountKinds.includes(ctx.accountKind as AccountKind)) ??
    defs[0]
  );
}

/** A field value as it may appear on screen, on paper or in history. */
export function maskFieldValue(ctx: TypeContext, key: string, value: FieldValue): FieldValue {
  if (value === null) return null;
  const def = fieldDef(ctx, key);
  if (!def) return value === '' ? value : UNKNOWN_FIELD_MASK;
  if (MASKED_KINDS.includes(def.kind)) return maskPersonal(def.kind, value);
  // Other personal values (a refund bank account, say): keep only the last four characters,
  // as bank slips do. Names stay readable: the counter and the receipt need them.
  if (def.personal && def.kind !== 'personName' && def.kind !== 'orgName') {
    return value === '' ? value : maskMiddle(String(value), 0, 4);
  }
  // Remarks and other free text: a phone or ID number typed into them is masked too.
  if ((def.kind === 'text' || def.kind === 'textarea') && typeof value === 'string') {
    return maskNumbersInText(value);
  }
  return value;
}

export function maskFields(ctx: TypeContext, fields: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [key, value] of Object.entries(fields)) out[key] = maskFieldValue(ctx, key, value);
  return out;
}

/** Businesses are identified by their credit code, people by their ID number. */
const idMasked = (row: { id_number: string; credit_code: string }): string =>
  row.id_number
    ? maskIdNumber(row.id_number)
    : row.credit_code
      ? maskCreditCode(row.credit_code)
      : '';

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : toHallIso(ms));

export function toSummary(row: SummaryRow | ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    appNo: row.app_no ?? '',
    typeCode: row.type_code,
    accountKind: row.account_kind,
    state: row.state,
    applicantName: row.applicant_name,
    phoneMasked: row.mobile ? maskMobile(row.mobile) : '',
    idMasked: idMasked(row),
    accountNo: row.account_no,
    createdAt: toHallIso(row.created_at),
    acceptedAt: isoOrNull(row.accepted_at),
    deadlineAt: isoOrNull(row.deadline_at),
    centralNo: row.central_no,
    centralStage: row.central_stage,
  };
}

export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    at: toHallIso(row.at),
    actor: row.actor,
    action: row.action,
    changes: JSON.parse(row.changes_json) as HistoryEntry['changes'],
  };
}

/**
 * The detail view. `reveal` is for the clerk re-opening their own draft to edit it; every
 * other caller gets personal fields masked.
 */
export function toDetail(
  row: ApplicationRow,
  type: BusinessType | undefined,
  history: HistoryRow[],
  reveal: boolean,
): ApplicationDetail {
  const fields = JSON.parse(row.fields_json) as FieldValues;
  return {
    ...toSummary(row),
    fields: reveal ? fields : maskFields({ type, accountKind: row.account_kind }, fields),
    papers: JSON.parse(row.papers_json) as PaperEntry[],
    version: row.version,
    catalogueVersion: row.catalogue_version,
    clerk: row.clerk,
    ticketId: row.ticket_id,
    history: history.map(toHistoryEntry),
  };
}

/** Numbers (NaN and Infinity are null in JSON) and objects: compared by their JSON. */
const byJson = (v: unknown): boolean =>
  typeof v === 'number' || (typeof v === 'object' && v !== null);
/** Equal as JSON: distinct strings, booleans and nulls never are, so those skip the text. */
const same = (a: unknown, b: unknown): boolean =>
  a === b || ((byJson(a) || byJson(b)) && JSON.stringify(a) === JSON.stringify(b));

/** `{key: {from, to}}` for every field (and the type, kind and papers) that changed; masked. */
export function diffForHistory(
  ctx: TypeContext,
  before: {
    typeCode: string;
    accountKind: string;
    fields: FieldValues;
    papers: PaperEntry[];
  } | null,
  after: { typeCode: string; accountKind: string; fields: FieldValues; papers: PaperEntry[] },
): HistoryEntry['changes'] {
  const changes: HistoryEntry['changes'] = {};
  const meta = ['typeCode', 'accountKind', 'papers'] as const;
  for (const key of meta) {
    const from = before ? before[key] : null;
    if (!same(from, after[key])) changes[key] = { from, to: after[key] };
  }
  const keys = new Set([...Object.keys(before?.fields ?? {}), ...Object.keys(after.fields)]);
  for (const key of keys) {
    const from = before?.fields[key] ?? null;
    const to = after.fields[key] ?? null;
    if (same(from, to)) continue;
    changes[key] = { from: maskFieldValue(ctx, key, from), to: maskFieldValue(ctx, key, to) };
  }
  return changes;
}
