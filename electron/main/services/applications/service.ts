import { createHash } from 'node:crypto';
import { newId } from '../new-id';
import type { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationInput,
  FieldValues,
  ListQuerySchema,
  ListResult,
} from '../../../../shared/api/schemas';
import {
  fieldErrorsToApiError,
  findType,
  validateApplication,
  type BusinessType,
  type Catalogue,
} from '../../../../shared/catalogue';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import { catalogueOfRow } from './catalogue-of';
import { warningBounds, warningRange } from '../../../../shared/deadline';
import type { ApplicationSubmitPayload } from '../../../../shared/sync/application-payload';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type { Database } from '../db';
import { createOutboxStore } from '../sync/outbox-store';
import { createCorrection } from './correction';
import { deadlineOfPolicy, type DeadlinePolicy } from './deadlines';
import {
  alreadySubmitted,
  clientIdReused,
  notFound,
  notYourDraft,
  staleVersion,
  unknownType,
} from './errors';
import { hallDateCompact, toHallIso } from '../../../../shared/hall-time';
import { toDetail, toSummary } from './present';
import { createReceipts } from './receipt';
import { createApplicationRepository } from './repository';
import { EDITABLE_STATES, type ApplicationRow } from './rows';
import { withRegions } from './regions';
import { listApplications } from './search';
import { createRowWriter, sameContent, type Written } from './write';
import { DEFAULT_RECEIPT_QUERY_URL } from '../../../../shared/station/query-url';

export type { DeadlinePolicy } from './deadlines';
export type { CorrectionOrigin } from './correction';
export { searchColumns } from './write';

export interface ApplicationServiceDeps {
  db: Database;
  /**
   * The catalogue versions: a draft and a submit are checked against the one in force at that
   * moment (hall date), a stored application is read against the one it was accepted under.
   */
  catalogues: CatalogueShelf;
  now: () => Date;
  hallName: string;
  hallCode: string;
  stationCode: string;
  /** The receipt QR's query address template (station config `receiptQueryUrl`). */
  receiptQueryUrl?: string;
  /**
   * Deadline policy (service rules in force at acceptance, holiday calendar and warning
   * thresholds from settings); absent = the catalogue figures and the bundled calendar.
   */
  deadlines?: DeadlinePolicy;
  /**
   * Other owners' work that commits with a submit (the customer record): called inside the
   * submit's transaction, after the application's rows, so one fsync makes both durable. It
   * must contain its own failures (a nested transaction is a savepoint): the application is
   * never refused for it.
   */
  alongSubmit?: (submitted: SubmittedFacts) => void;
}

/** What `alongSubmit` learns of a submit: the application and the values as the clerk sent them. */
export interface SubmittedFacts {
  applicationId: string;
  accountKind: ApplicationInput['accountKind'];
  fields: FieldValues;
  actor: string;
}

/** Who opens a draft: its clerk, or a supervisor (the role is absent only without sign-in). */
export interface DraftCaller {
  actor: string;
  role?: string | undefined;
}

export type ListQueryParsed = z.output<typeof ListQuerySchema>;

export const SUBMIT_OUTBOX_KIND = 'application.submit';

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Counter intake: drafts, submission (application + history + outbox in one transaction),
 * lookup and receipts. Errors are ApiErrors naming fields, never echoing values. The form
 * sends its client id (UUIDv7) from the moment it opens, so a request retried after a lost
 * answer is recognised: the same content is answered with the first result, different content
 * under the same id is refused.
 */
export function createApplicationService(deps: ApplicationServiceDeps) {
  const { db, catalogues } = deps;
  const repo = createApplicationRepository(db);
  const outbox = createOutboxStore(db);
  const writeRow = createRowWriter(repo);
  const deadlineOf = deadlineOfPolicy(deps.deadlines);
  const typeIn = (catalogue: Catalogue, code: string): BusinessType | undefined =>
    findType(catalogue, code);

  const checked = (
    catalogue: Catalogue,
    input: ApplicationInput,
    mode: 'draft' | 'submit',
    now: Date,
  ) =>
    withRegions(
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
        { calendar: deps.deadlines?.calendar?.() },
      ),
      typeIn(catalogue, input.typeCode),
      mode,
    );

  /** The stored row under the form's client id, read once per write (undefined if new). */
  const storedOf = (input: ApplicationInput): ApplicationRow | undefined =>
    input.id === undefined ? undefined : repo.findById(input.id);

  /** The editable row `input` refers to, after the optimistic-lock check; undefined if new. */
  function editableRow(
    input: ApplicationInput,
    row: ApplicationRow | undefined,
  ): ApplicationRow | undefined {
    if (input.id === undefined) return undefined;
    if (!row) {
      if (input.baseVersion) throw notFound();
      return undefined;
    }
    if (!EDITABLE_STATES.includes(row.state)) throw alreadySubmitted();
    if (input.baseVersion !== row.version) throw staleVersion();
    return row;
  }

  /**
   * The stored row a retried request already wrote, when `input` is that retry: same id, same
   * actor, same content, one version on from where the request started.
   */
  function replayOf(
    input: ApplicationInput,
    row: ApplicationRow | undefined,
    fields: FieldValues,
    actor: string,
    done: (row: ApplicationRow) => boolean,
  ): ApplicationRow | undefined {
    if (!row || !done(row)) return undefined;
    if (row.clerk !== actor || !sameContent(row, input, fields)) {
      // A submitted application never takes other content under its id.
      if (!EDITABLE_STATES.includes(row.state)) throw clientIdReused();
      return undefined;
    }
    return row;
  }

  function detail(id: string, reveal: boolean): ApplicationDetail {
    const row = repo.findById(id);
    if (!row) throw notFound();
    const type = typeIn(catalogueOfRow(catalogues, row), row.type_code);
    return toDetail(row, type, repo.history(id), reveal);
  }

  function saveDraft(input: ApplicationInput, actor: string): ApplicationDetail {
    const nowDate = deps.now();
    const now = nowDate.getTime();
    // A draft is checked against the version in force today; it is checked again on submit.
    const catalogue = catalogues.inForce(nowDate);
    const draft = checked(catalogue, input, 'draft', nowDate);
    if (draft.errors.length > 0) throw fieldErrorsToApiError(draft.errors);
    const type = typeIn(catalogue, input.typeCode);
    if (!type) throw unknownType();
    const submittable = checked(catalogue, input, 'submit', nowDate).errors.length === 0;
    const state = submittable ? 'ready' : 'draft';
    const fields = draft.normalized;

    const id = repo.transaction(() => {
      const stored = storedOf(input);
      // The same save again (its answer was lost): the draft is already as asked.
      const replay = replayOf(input, stored, fields, actor, (row) => {
        const started = input.baseVersion ?? 0;
        return EDITABLE_STATES.includes(row.state) && row.version === started + 1;
      });
      if (replay) return replay.id;
      const existing = editableRow(input, stored);
      const id = existing?.id ?? input.id ?? newId();
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
        catalogueVersion: catalogue.version,
      });
      return id;
    });
    return detail(id, true);
  }

  function submit(input: ApplicationInput, actor: string): ApplicationDetail {
    const acceptedDate = deps.now();
    const acceptedAt = acceptedDate.getTime();
    // The version in force at acceptance: validated, given its deadline and kept with it.
    const catalogue = catalogues.inForce(acceptedDate);
    const result = checked(catalogue, input, 'submit', acceptedDate);
    if (result.errors.length > 0) throw fieldErrorsToApiError(result.errors);
    const type = typeIn(catalogue, input.typeCode);
    if (!type) throw unknownType();
    const fields = result.normalized;
    // Dual-supply 高压 and other variants pick their own figure from the values.
    const { deadlineAt } = deadlineOf(type, fields, acceptedDate);

    const along = (applicationId: string): void =>
      deps.alongSubmit?.({
        applicationId,
        accountKind: input.accountKind,
        fields: input.fields,
        actor,
      });
    const written = repo.transaction((): Written | string => {
      const storedRow = storedOf(input);
      // Submitted already (its answer was lost): the first result, no second outbox row.
      const replay = replayOf(input, storedRow, fields, actor, (row) => row.accepted_at !== null);
      if (replay) {
        along(replay.id);
        return replay.id;
      }
      const existing = editableRow(input, storedRow);
      const id = existing?.id ?? input.id ?? newId();
      const day = hallDateCompact(acceptedAt);
      const appNo = `${deps.stationCode}${day}${String(repo.nextAppSeq(deps.stationCode, day)).padStart(4, '0')}`;
      const stored = writeRow({
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
        catalogueVersion: catalogue.version,
      });
      // Built from values the contract and the catalogue checks already passed (a test parses
      // what submit stores against the payload schema): no second validation on the way out.
      const payload: ApplicationSubmitPayload = {
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
      };
      // Stored canonical, so the hash of the stored text is the protocol's payload hash.
      const text = canonicalJson(payload);
      outbox.enqueue({
        op_id: newId(),
        application_id: id,
        kind: SUBMIT_OUTBOX_KIND,
        payload: text,
        payload_hash: sha256Hex(text),
        created_at: acceptedAt,
      });
      along(id);
      // A draft submitted brings its earlier history along; a fresh one has only this entry.
      return existing ? stored.row.id : stored;
    });
    // The answer from what was just written, without reading it back and opening it again.
    if (typeof written === 'string') return detail(written, false);
    return toDetail(written.row, type, [written.history], false);
  }

  /** 红橙黄 as a deadline_at range over open applications, by the thresholds in force now. */
  function warningFilter(level: ListQueryParsed['warning']) {
    if (level === undefined) return {};
    if (level === 'closed') return { finishedOnly: true };
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

  /** A draft comes back unmasked: only to the clerk who saved it, or a supervisor. */
  function openDraft(id: string, caller: DraftCaller): ApplicationDetail {
    const row = repo.findById(id);
    if (!row) throw notFound();
    if (row.clerk !== caller.actor && caller.role !== 'supervisor') throw notYourDraft();
    if (!EDITABLE_STATES.includes(row.state)) throw alreadySubmitted();
    return detail(id, true);
  }

  return {
    saveDraft,
    submit,
    list,
    get: (id: string): ApplicationDetail => detail(id, false),
    openDraft,
    receipt: createReceipts({
      repo,
      catalogues,
      deadlineOf,
      hallName: deps.hallName,
      stationCode: deps.stationCode,
      queryUrl: deps.receiptQueryUrl ?? DEFAULT_RECEIPT_QUERY_URL,
    }),
    applyCorrection: createCorrection({
      db,
      repo,
      catalogues,
      deadlineOf,
      now: deps.now,
      hallCode: deps.hallCode,
      stationCode: deps.stationCode,
    }),
    /** Whether any application was taken under this queue ticket. */
    hasTicket: (ticketId: string): boolean => repo.byTicket(ticketId).length > 0,
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
