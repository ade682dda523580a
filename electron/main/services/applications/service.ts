import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import type {
  ApplicationDetail,
  ApplicationInput,
  ListQuerySchema,
  ListResult,
  PaperEntry,
  Receipt,
} from '../../../../shared/api/schemas';
import {
  deadlineFor,
  fieldErrorsToApiError,
  fieldsFor,
  findType,
  papersFor,
  validateApplication,
  type AccountKind,
  type BusinessType,
  type Catalogue,
} from '../../../../shared/catalogue';
import {
  computeDeadline,
  warningBounds,
  warningRange,
  type WarningBounds,
} from '../../../../shared/deadline';
import { maskAddress } from '../../../../shared/domain/mask';
import type { ApplicationSubmitPayload } from '../../../../shared/sync/application-payload';
import { ApplicationSubmitPayloadSchema } from '../../../../shared/sync/application-payload';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type { Address, FieldValues } from '../../../../shared/api/schemas';
import type { Database } from '../db';
import { hallDateCompact, toHallIso } from '../../../../shared/hall-time';
import { diffForHistory, toDetail, toSummary } from './present';
import { createApplicationRepository, type SearchColumns } from './repository';
import { EDITABLE_STATES, type ApplicationRow } from './rows';
import { listApplications } from './search';

export interface ApplicationServiceDeps {
  db: Database;
  catalogue: Catalogue;
  now: () => Date;
  hallName: string;
  hallCode: string;
  stationCode: string;
  /**
   * Deadline policy (service rules in force at acceptance, holiday calendar and warning
   * thresholds from settings); absent = the catalogue figures and the bundled calendar.
   */
  deadlines?: DeadlinePolicy;
}

export interface DeadlinePolicy {
  processDeadline(
    type: BusinessType,
    fields: FieldValues,
    acceptedAt: Date,
  ): { workingDays: number; deadlineAt: Date };
  warningBounds(now: Date): WarningBounds;
}

export type ListQueryParsed = z.output<typeof ListQuerySchema>;

export const SUBMIT_OUTBOX_KIND = 'application.submit';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Copies of the searchable fields, normalised the way searchBranches() queries them. */
export function searchColumns(fields: FieldValues): SearchColumns {
  return {
    applicant_name: str(fields.applicantName),
    mobile: str(fields.mobile).replace(/^(?:\+|00)86[ -]?/, ''),
    id_number: str(fields.idNumber).toUpperCase(),
    credit_code: str(fields.creditCode).toUpperCase(),
    account_no: str(fields.accountNo),
  };
}

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

const notFound = () =>
  apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });

const alreadySubmitted = () =>
  apiError('CONFLICT', '该申请已提交，不能再修改', 'This application was already submitted', {
    field: 'id',
  });

const staleVersion = () =>
  apiError(
    'CONFLICT',
    '该草稿已被他人修改，请重新打开后再保存',
    'This draft was changed elsewhere; reopen it before saving',
    { field: 'baseVersion' },
  );

const notSubmitted = () =>
  apiError('CONFLICT', '该申请尚未提交，无需修正', 'This application was not submitted yet', {
    field: 'id',
  });

/** Where corrected values come from: a supervisor fixing a dead letter, or the central record. */
export type CorrectionOrigin = 'supervisor' | 'central';

const unknownType = () =>
  apiError('VALIDATION', '业务类型不存在', 'Unknown business type', { field: 'typeCode' });

/**
 * Counter intake: drafts, submission (application + history + outbox in one transaction),
 * lookup and receipts. Errors are ApiErrors naming fields, never echoing values.
 */
export function createApplicationService(deps: ApplicationServiceDeps) {
  const { db, catalogue } = deps;
  const repo = createApplicationRepository(db);
  const typeOf = (code: string): BusinessType | undefined => findType(catalogue, code);
  /** The deadline fixed at acceptance (the counter's clock, never the sync time). */
  const deadlineOf = (type: BusinessType, fields: FieldValues, acceptedAt: Date) => {
    if (deps.deadlines) {
      const d = deps.deadlines.processDeadline(type, fields, acceptedAt);
      return { workingDays: d.workingDays, deadlineAt: d.deadlineAt.getTime() };
    }
    const workingDays = deadlineFor(type, fields).workingDays;
    return { workingDays, deadlineAt: computeDeadline(acceptedAt, workingDays).getTime() };
  };

  const checked = (input: ApplicationInput, mode: 'draft' | 'submit', now: Date) =>
    validateApplication(
      catalogue,
      {
        typeCode: input.typeCode,
        accountKind: input.accountKind,
        fields: input.fields,
        papers: input.papers,
      },
      mode,
      now,
    );

  /** The editable row `input` refers to, after the optimistic-lock check; undefined if new. */
  function editableRow(input: ApplicationInput): ApplicationRow | undefined {
    if (input.id === undefined) return undefined;
    const row = repo.findById(input.id);
    if (!row) {
      if (input.baseVersion) throw notFound();
      return undefined;
    }
    if (!EDITABLE_STATES.includes(row.state)) throw alreadySubmitted();
    if (input.baseVersion !== row.version) throw staleVersion();
    return row;
  }

  const snapshot = (row: ApplicationRow) => ({
    typeCode: row.type_code,
    accountKind: row.account_kind,
    fields: JSON.parse(row.fields_json) as FieldValues,
    papers: JSON.parse(row.papers_json) as PaperEntry[],
  });

  function detail(id: string, reveal: boolean): ApplicationDetail {
    const row = repo.findById(id);
    if (!row) throw notFound();
    return toDetail(row, typeOf(row.type_code), repo.history(id), reveal);
  }

  /**
   * Writes the application row (insert, or update under the optimistic lock) and its history
   * entry with the masked diff: the one write path of drafts and submits.
   */
  function writeRow(w: {
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
  }): void {
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
      catalogue_version: catalogue.version,
      clerk: w.actor,
      ticket_id: input.ticketId ?? existing?.ticket_id ?? null,
      version: existing ? existing.version + 1 : 1,
      created_at: existing?.created_at ?? w.at,
      updated_at: w.at,
      accepted_at: w.acceptedAt,
      deadline_at: w.deadlineAt,
    } as const;
    if (existing) {
      if (!repo.update(row, existing.version)) throw staleVersion();
    } else {
      repo.insert(row);
    }
    repo.appendHistory({
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
  }

  function saveDraft(input: ApplicationInput, actor: string): ApplicationDetail {
    const nowDate = deps.now();
    const now = nowDate.getTime();
    const draft = checked(input, 'draft', nowDate);
    if (draft.errors.length > 0) throw fieldErrorsToApiError(draft.errors);
    const type = typeOf(input.typeCode);
    if (!type) throw unknownType();
    const state = checked(input, 'submit', nowDate).errors.length === 0 ? 'ready' : 'draft';
    const fields = draft.normalized;

    const id = repo.transaction(() => {
      const existing = editableRow(input);
      const id = existing?.id ?? input.id ?? uuidv7();
      writeRow({
        input,
        type,
        fields,
        actor,
        existing,
        at: now,
        state,
        appNo: null,
        acceptedAt: null,
        deadlineAt: null,
        action: existing ? 'draft.update' : 'draft.create',
        id,
      });
      return id;
    });
    return detail(id, true);
  }

  function submit(input: ApplicationInput, actor: string): ApplicationDetail {
    const acceptedDate = deps.now();
    const acceptedAt = acceptedDate.getTime();
    const result = checked(input, 'submit', acceptedDate);
    if (result.errors.length > 0) throw fieldErrorsToApiError(result.errors);
    const type = typeOf(input.typeCode);
    if (!type) throw unknownType();
    const fields = result.normalized;
    // Dual-supply 高压 and other variants pick their own figure from the values.
    const { deadlineAt } = deadlineOf(type, fields, acceptedDate);

    const id = repo.transaction(() => {
      const existing = editableRow(input);
      const id = existing?.id ?? input.id ?? uuidv7();
      const seq = repo.nextAppSeq(deps.stationCode, hallDateCompact(acceptedAt));
      const appNo = `${deps.stationCode}${hallDateCompact(acceptedAt)}${String(seq).padStart(4, '0')}`;
      writeRow({
        input,
        type,
        fields,
        actor,
        existing,
        at: acceptedAt,
        state: 'queued',
        appNo,
        acceptedAt,
        deadlineAt,
        action: 'submit',
        id,
      });
      const payload: ApplicationSubmitPayload = ApplicationSubmitPayloadSchema.parse({
        applicationId: id,
        appNo,
        typeCode: type.code,
        accountKind: input.accountKind,
        fields,
        papers: input.papers,
        acceptedAt: toHallIso(acceptedAt),
        deadlineAt: toHallIso(deadlineAt),
        catalogueVersion: catalogue.version,
        clerk: actor,
        hallCode: deps.hallCode,
        stationCode: deps.stationCode,
      });
      // Stored canonical, so the hash of the stored text is the protocol's payload hash.
      const text = canonicalJson(payload);
      repo.insertOutbox({
        op_id: uuidv7(),
        application_id: id,
        kind: SUBMIT_OUTBOX_KIND,
        payload: text,
        payload_hash: sha256Hex(text),
        created_at: acceptedAt,
      });
      return id;
    });
    return detail(id, false);
  }

  /** The submit payload of a submitted row, as the outbox carries it to the central system. */
  function payloadOf(row: ApplicationRow, fields: FieldValues): ApplicationSubmitPayload {
    if (row.app_no === null || row.accepted_at === null || row.deadline_at === null) {
      throw notSubmitted();
    }
    return ApplicationSubmitPayloadSchema.parse({
      applicationId: row.id,
      appNo: row.app_no,
      typeCode: row.type_code,
      accountKind: row.account_kind,
      fields,
      papers: JSON.parse(row.papers_json) as PaperEntry[],
      acceptedAt: toHallIso(row.accepted_at),
      deadlineAt: toHallIso(row.deadline_at),
      catalogueVersion: row.catalogue_version,
      // The clerk who accepted it stays on record; the corrector is in the history.
      clerk: row.clerk,
      hallCode: deps.hallCode,
      stationCode: deps.stationCode,
    });
  }

  /**
   * Applies corrected field values to a submitted application, for the sync actions (a
   * supervisor fixing a dead letter, or a clerk keeping the central record in a conflict):
   * checks them in submit mode as of the acceptance time (the rules applied then), rewrites the
   * fields and search columns, appends a masked history row and bumps the version. Returns the
   * submit payload rebuilt from the corrected record. The acceptance time, the legal start of
   * the clock, never moves; the deadline follows the values (dual supply has its own figure).
   * The central record is adopted as it is: the central system is authoritative, and refusing
   * its values would leave the conflict with no way out.
   */
  function applyCorrection(
    applicationId: string,
    fields: FieldValues,
    actor: string,
    origin: CorrectionOrigin = 'supervisor',
  ): ApplicationSubmitPayload {
    const row = repo.findById(applicationId);
    if (!row) throw notFound();
    if (row.accepted_at === null) throw notSubmitted();
    const acceptedDate = new Date(row.accepted_at);
    const type = typeOf(row.type_code);
    if (!type) throw unknownType();
    const papers = JSON.parse(row.papers_json) as PaperEntry[];
    let corrected = fields;
    if (origin === 'supervisor') {
      const result = validateApplication(
        catalogue,
        { typeCode: row.type_code, accountKind: row.account_kind as AccountKind, fields, papers },
        'submit',
        acceptedDate,
      );
      if (result.errors.length > 0) throw fieldErrorsToApiError(result.errors);
      corrected = result.normalized;
    }
    const next: ApplicationRow = {
      ...row,
      ...searchColumns(corrected),
      fields_json: JSON.stringify(corrected),
      version: row.version + 1,
      updated_at: deps.now().getTime(),
      deadline_at: deadlineOf(type, corrected, acceptedDate).deadlineAt,
    };
    // A plain transaction: inside the sync action's own it becomes a savepoint.
    db.transaction(() => {
      const { central_no: _no, central_stage: _stage, ...write } = next;
      if (!repo.update(write, row.version)) throw staleVersion();
      const before = JSON.parse(row.fields_json) as FieldValues;
      repo.appendHistory({
        application_id: row.id,
        at: next.updated_at,
        actor,
        action: origin === 'central' ? 'sync.adopt_central' : 'sync.correct',
        changes_json: JSON.stringify(
          diffForHistory(
            { type, accountKind: row.account_kind },
            { typeCode: row.type_code, accountKind: row.account_kind, fields: before, papers },
            { typeCode: row.type_code, accountKind: row.account_kind, fields: corrected, papers },
          ),
        ),
      });
    })();
    return payloadOf(next, corrected);
  }

  /** 红橙黄 as a deadline_at range over open applications, by the thresholds in force now. */
  function warningFilter(level: ListQueryParsed['warning']) {
    if (level === undefined) return {};
    const now = deps.now();
    const bounds = deps.deadlines?.warningBounds(now) ?? warningBounds(now);
    const range = level === 'any' ? { to: bounds.yellowBefore } : warningRange(level, bounds);
    return {
      openOnly: true,
      ...(range.from !== undefined ? { deadlineFrom: range.from } : {}),
      ...(range.to !== undefined ? { deadlineTo: range.to } : {}),
    };
  }

  function list(query: ListQueryParsed): ListResult {
    const page = listApplications(db, {
      ...(query.typeCode !== undefined ? { typeCode: query.typeCode } : {}),
      ...(query.state !== undefined ? { state: query.state } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(query.q !== undefined ? { q: query.q } : {}),
      ...warningFilter(query.warning),
      sort: query.sort,
      offset: query.offset,
      limit: query.limit,
    });
    return { rows: page.rows.map(toSummary), total: page.total, more: page.more };
  }

  function openDraft(id: string): ApplicationDetail {
    const row = repo.findById(id);
    if (!row) throw notFound();
    if (!EDITABLE_STATES.includes(row.state)) throw alreadySubmitted();
    return detail(id, true);
  }

  function receipt(id: string): Receipt {
    const row = repo.findById(id);
    if (!row) throw notFound();
    if (row.accepted_at === null || row.deadline_at === null || row.app_no === null) {
      throw apiError(
        'CONFLICT',
        '该申请尚未提交，没有受理回执',
        'This application has not been submitted; there is no receipt yet',
        { field: 'id' },
      );
    }
    const type = typeOf(row.type_code);
    const fields = JSON.parse(row.fields_json) as FieldValues;
    const papers = JSON.parse(row.papers_json) as PaperEntry[];
    const summary = toSummary(row);
    const kind = row.account_kind as AccountKind;
    const addressKey =
      (type ? fieldsFor(type, kind) : []).find((f) => f.kind === 'address')?.key ?? 'address';
    const address = fields[addressKey];
    const papersReceived: Receipt['papersReceived'] = [];
    const papersMissing: Receipt['papersMissing'] = [];
    // The checklist as it applied to this case (agent papers only when an agent came).
    for (const def of type ? papersFor(type, kind, fields) : []) {
      const entry = papers.find((p) => p.code === def.code);
      if (entry?.status === 'received') papersReceived.push(def.name);
      else if (entry) {
        papersMissing.push({ name: def.name, deferred: entry.status === 'missing_accepted' });
      } else if (!def.optional) papersMissing.push({ name: def.name, deferred: false });
    }
    return {
      appNo: row.app_no,
      typeCode: row.type_code,
      typeName: type?.name ?? { zh: row.type_code, en: row.type_code },
      accountKind: row.account_kind,
      applicantName: row.applicant_name,
      idMasked: summary.idMasked,
      phoneMasked: summary.phoneMasked,
      addressMasked:
        typeof address === 'string' || (typeof address === 'object' && address !== null)
          ? maskAddress(address as Address | string)
          : '',
      acceptedAt: toHallIso(row.accepted_at),
      deadlineAt: toHallIso(row.deadline_at),
      deadlineWorkingDays: type
        ? deadlineOf(type, fields, new Date(row.accepted_at)).workingDays
        : 0,
      papersReceived,
      papersMissing,
      hallName: deps.hallName,
      clerk: row.clerk,
    };
  }

  return {
    saveDraft,
    submit,
    list,
    get: (id: string): ApplicationDetail => detail(id, false),
    openDraft,
    receipt,
    applyCorrection,
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
