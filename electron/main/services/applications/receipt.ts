import type { Address, FieldValues, PaperEntry, Receipt } from '../../../../shared/api/schemas';
import {
  applicableFieldRows,
  fieldsFor,
  findType,
  papersFor,
  type AccountKind,
} from '../../../../shared/catalogue';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import { catalogueOfRow } from './catalogue-of';
import { maskAddress } from '../../../../shared/domain/mask';
import type { DeadlineOf } from './deadlines';
import { noReceiptYet, notFound } from './errors';
import { toHallIso } from '../../../../shared/hall-time';
import { maskFields, toSummary } from './present';
import { queryUrlFor } from '../../../../shared/station/query-url';
import type { ApplicationRepository } from './repository';

/** The acceptance receipt (受理回执) of a submitted application, personal values masked. */
export function createReceipts(deps: {
  repo: ApplicationRepository;
  /** Each receipt is printed against the version its application was accepted under. */
  catalogues: CatalogueShelf;
  deadlineOf: DeadlineOf;
  hallName: string;
  stationCode: string;
  /** The hall's query address template (shared/station/query-url.ts). */
  queryUrl: string;
}) {
  return function receipt(id: string): Receipt {
    const row = deps.repo.findById(id);
    if (!row) throw notFound();
    if (row.accepted_at === null || row.deadline_at === null || row.app_no === null) {
      throw noReceiptYet();
    }
    const type = findType(catalogueOfRow(deps.catalogues, row), row.type_code);
    const fields = JSON.parse(row.fields_json) as FieldValues;
    const papers = JSON.parse(row.papers_json) as PaperEntry[];
    const summary = toSummary(row);
    const limits = type ? deps.deadlineOf(type, fields, new Date(row.accepted_at)) : undefined;
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
      deadlineWorkingDays: limits?.workingDays ?? 0,
      wholeProcess: limits?.whole
        ? { workingDays: limits.whole.workingDays, deadlineAt: toHallIso(limits.whole.deadlineAt) }
        : null,
      papersReceived,
      papersMissing,
      hallName: deps.hallName,
      stationCode: deps.stationCode,
      clerk: row.clerk,
      // Free text (remarks) stays off paper: it is for the hall, not the customer to check.
      fields: type
        ? applicableFieldRows(type, kind, maskFields({ type, accountKind: kind }, fields), [
            'textarea',
          ])
        : [],
      queryUrl: queryUrlFor(deps.queryUrl, row.app_no),
    };
  };
}
