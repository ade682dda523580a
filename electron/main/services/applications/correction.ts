import type { FieldValues, PaperEntry } from '../../../../shared/api/schemas';
import {
  findType,
  fieldErrorsToApiError,
  validateApplication,
  type AccountKind,
} from '../../../../shared/catalogue';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import { catalogueOfRow } from './catalogue-of';
import type { ApplicationSubmitPayload } from '../../../../shared/sync/application-payload';
import { ApplicationSubmitPayloadSchema } from '../../../../shared/sync/application-payload';
import type { Database } from '../db';
import type { DeadlineOf } from './deadlines';
import { notFound, notSubmitted, staleVersion, unknownType } from './errors';
import { toHallIso } from '../../../../shared/hall-time';
import { diffForHistory } from './present';
import type { ApplicationRepository } from './repository';
import type { ApplicationRow } from './rows';
import { searchColumns } from './write';

/** Where corrected values come from: a supervisor fixing a dead letter, or the central record. */
export type CorrectionOrigin = 'supervisor' | 'central';

export interface CorrectionDeps {
  db: Database;
  repo: ApplicationRepository;
  /** Corrections are checked against the version the application was accepted under. */
  catalogues: CatalogueShelf;
  deadlineOf: DeadlineOf;
  now: () => Date;
  hallCode: string;
  stationCode: string;
}

/** The submit payload of a submitted row, as the outbox carries it to the central system. */
export function submitPayloadOf(
  row: ApplicationRow,
  fields: FieldValues,
  station: { hallCode: string; stationCode: string },
): ApplicationSubmitPayload {
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
    hallCode: station.hallCode,
    stationCode: station.stationCode,
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
export function createCorrection(deps: CorrectionDeps) {
  const { db, repo } = deps;
  return function applyCorrection(
    applicationId: string,
    fields: FieldValues,
    actor: string,
    origin: CorrectionOrigin = 'supervisor',
  ): ApplicationSubmitPayload {
    const row = repo.findById(applicationId);
    if (!row) throw notFound();
    if (row.accepted_at === null) throw notSubmitted();
    const acceptedDate = new Date(row.accepted_at);
    const catalogue = catalogueOfRow(deps.catalogues, row);
    const type = findType(catalogue, row.type_code);
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
      deadline_at: deps.deadlineOf(type, corrected, acceptedDate).deadlineAt,
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
    return submitPayloadOf(next, corrected, deps);
  };
}
