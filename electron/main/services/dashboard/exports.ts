import type { z } from 'zod';
import type {
  ExportFile,
  ExportInputSchema,
  ReportName,
} from '../../../../shared/api/methods/dashboard';
import { apiError } from '../../../../shared/api/errors';
import {
  ACCOUNT_KIND_LABELS,
  FAMILY_LABELS,
  stageLabel,
  type AccountKind,
  type BusinessFamily,
} from '../../../../shared/catalogue';
import { typeIn, type CatalogueShelf } from '../../../../shared/catalogue/versions';
import { maskCreditCode, maskIdNumber, maskMobile } from '../../../../shared/domain/mask';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATE_LABELS,
  COMPLAINT_SUBJECT_LABELS,
  VISIT_RESULT_LABELS,
  type ComplaintSubject,
} from '../../../../shared/service-rules/complaints';
import type { LocalizedText } from '../../../../shared/text';
import { hallDate } from '../../../../shared/deadline';
import { toHallIso } from '../../../../shared/hall-time';
import type { ComplaintService } from '../complaints/service';
import type { ComplaintRow } from '../complaints/rows';
import { prepared, type Database } from '../db';
import type { DashboardFigures, Range } from './figures';
import { toCsv, toXlsx, type ReportTable } from './table-file';

/** The part of the queue service's measures (queue.measures) the waits export reads. */
export interface QueueMeasures {
  longWaitMinutes: number;
  total: QueueMeasureRow;
  byService: QueueMeasureRow[];
}
interface QueueMeasureRow {
  name: LocalizedText;
  issued: number;
  served: number;
  noShows: number;
  avgWaitMinutes: number | null;
  maxWaitMinutes: number | null;
  avgServiceMinutes: number | null;
  longWaits: number;
}

export type ExportInputParsed = z.output<typeof ExportInputSchema>;
type Lang = 'zh' | 'en';
type Cell = string | number | null;

export interface ExportDeps {
  db: Database;
  /** Names: an application row's own version; counts by type: the version in force today. */
  catalogues: CatalogueShelf;
  figures: DashboardFigures;
  complaints: ComplaintService;
  now: () => Date;
  /** The hall queue's measures (another service); absent = no queue data on this console. */
  queueMeasures?: (from: string, to: string) => Promise<QueueMeasures>;
}

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const TITLES: Record<ReportName, LocalizedText> = {
  applications: { zh: '受理明细', en: 'Applications' },
  byType: { zh: '按业务类型', en: 'By type' },
  byDay: { zh: '按日受理量', en: 'By day' },
  overdue: { zh: '超期清单', en: 'Overdue' },
  complaints: { zh: '投诉诉求', en: 'Complaints' },
  repeats: { zh: '重复来访', en: 'Repeat contacts' },
  waits: { zh: '等候时间', en: 'Waiting times' },
};

/** Column headings: [key, zh, en]. */
const h = (lang: Lang, cols: [string, string][]): string[] =>
  cols.map(([zh, en]) => (lang === 'zh' ? zh : en));

/**
 * Complaint texts are left out: free text may hold personal data that no mask can find.
 *
 * Every dashboard table as a CSV or xlsx file, generated here (never in the renderer) so each
 * export is logged in report_exports: who, when, which table, which filters, how many rows.
 * Personal numbers are masked exactly as on screen.
 */
export function createExporter(deps: ExportDeps) {
  const { db, catalogues, figures } = deps;
  const logStmt = prepared(
    db,
    `INSERT INTO report_exports (at, actor, report, format, row_count, filters_json, filename)
     VALUES (@at, @actor, @report, @format, @rows, @filters, @filename)`,
  );

  const pick = (lang: Lang, t: LocalizedText): string => t[lang];
  const typeName = (lang: Lang, code: string, version?: string): string => {
    const type = typeIn(catalogues, code, { version: version ?? null, at: deps.now() });
    return type ? pick(lang, type.name) : code;
  };

  function defaultRange(filters: ExportInputParsed['filters']): Range {
    const today = hallDate(deps.now());
    return figures.range(filters.from ?? filters.to ?? today, filters.to ?? filters.from ?? today);
  }

  function applications(lang: Lang, r: Range): ReportTable {
    const rows = prepared(
      db,
      `SELECT app_no, type_code, catalogue_version, account_kind, applicant_name, mobile, id_number, credit_code,
           account_no, accepted_at, deadline_at, state, central_no, central_stage
         FROM applications INDEXED BY applications_accepted
         WHERE accepted_at >= @fromMs AND accepted_at < @toMs ORDER BY accepted_at`,
    ).all(r) as Record<string, string | number | null>[];
    return {
      name: TITLES.applications[lang],
      headings: h(lang, [
        ['受理编号', 'Application no.'],
        ['业务类型', 'Type'],
        ['客户类别', 'Account kind'],
        ['申请人', 'Applicant'],
        ['联系电话', 'Phone'],
        ['证件号码', 'ID / credit code'],
        ['户号', 'Account no.'],
        ['受理时间', 'Accepted'],
        ['承诺时限', 'Deadline'],
        ['本地状态', 'Local state'],
        ['营销系统编号', 'Central no.'],
        ['当前环节', 'Central stage'],
      ]),
      rows: rows.map((a) => [
        a.app_no as Cell,
        typeName(lang, String(a.type_code), String(a.catalogue_version)),
        pick(
          lang,
          ACCOUNT_KIND_LABELS[a.account_kind as AccountKind] ?? {
            zh: String(a.account_kind),
            en: String(a.account_kind),
          },
        ),
        a.applicant_name as Cell,
        a.mobile ? maskMobile(String(a.mobile)) : '',
        a.id_number
          ? maskIdNumber(String(a.id_number))
          : a.credit_code
            ? maskCreditCode(String(a.credit_code))
            : '',
        a.account_no as Cell,
        toHallIso(Number(a.accepted_at)),
        a.deadline_at === null ? '' : toHallIso(Number(a.deadline_at)),
        a.state as Cell,
        a.central_no as Cell,
        a.central_stage ? pick(lang, stageLabel(String(a.central_stage))) : '',
      ]),
    };
  }

  function complaints(lang: Lang, r: Range): ReportTable {
    const rows = prepared(
      db,
      `SELECT * FROM complaints INDEXED BY complaints_taken
         WHERE taken_at >= @fromMs AND taken_at < @toMs ORDER BY taken_at`,
    ).all(r) as ComplaintRow[];
    const iso = (ms: number | null) => (ms === null ? '' : toHallIso(ms));
    return {
      name: TITLES.complaints[lang],
      headings: h(lang, [
        ['工单编号', 'Case no.'],
        ['类别', 'Kind'],
        ['事项', 'Subject'],
        ['客户', 'Customer'],
        ['联系电话', 'Phone'],
        ['状态', 'State'],
        ['受理时间', 'Taken'],
        ['受理人', 'Taken by'],
        ['处理人', 'Assignee'],
        ['联系时限', 'Contact due'],
        ['联系时间', 'Contacted'],
        ['答复时限', 'Answer due'],
        ['答复时间', 'Answered'],
        ['回访时间', 'Visited'],
        ['回访结果', 'Visit result'],
        ['第几次', 'Contact no.'],
      ]),
      rows: rows.map((c) => [
        c.complaint_no,
        pick(lang, COMPLAINT_KIND_LABELS[c.kind]),
        pick(lang, COMPLAINT_SUBJECT_LABELS[c.subject]),
        c.customer_name,
        c.mobile ? maskMobile(c.mobile) : '',
        pick(lang, COMPLAINT_STATE_LABELS[c.state]),
        iso(c.taken_at),
        c.taken_by,
        c.assignee,
        iso(c.contact_due_at),
        iso(c.contacted_at),
        iso(c.answer_due_at),
        iso(c.answered_at),
        iso(c.visited_at),
        c.visit_result ? pick(lang, VISIT_RESULT_LABELS[c.visit_result]) : '',
        c.repeat_count,
      ]),
    };
  }

  async function build(input: ExportInputParsed): Promise<ReportTable> {
    const lang = input.lang;
    switch (input.report) {
      case 'applications':
        return applications(lang, defaultRange(input.filters));
      case 'complaints':
        return complaints(lang, defaultRange(input.filters));
      case 'byType': {
        const rows = figures.byType(defaultRange(input.filters));
        return {
          name: TITLES.byType[lang],
          headings: h(lang, [
            ['业务代码', 'Type code'],
            ['业务类型', 'Type'],
            ['受理量', 'Accepted'],
          ]),
          rows: rows.map((t) => [t.typeCode, typeName(lang, t.typeCode), t.count]),
        };
      }
      case 'byDay': {
        const rows = figures.byDay(defaultRange(input.filters));
        return {
          name: TITLES.byDay[lang],
          headings: h(lang, [
            ['日期', 'Day'],
            ['受理量', 'Accepted'],
          ]),
          rows: rows.map((d) => [d.day, d.count]),
        };
      }
      case 'overdue': {
        const { rows } = figures.overdue(100_000);
        return {
          name: TITLES.overdue[lang],
          headings: h(lang, [
            ['受理编号', 'Application no.'],
            ['业务类型', 'Type'],
            ['申请人', 'Applicant'],
            ['联系电话', 'Phone'],
            ['受理时间', 'Accepted'],
            ['承诺时限', 'Deadline'],
            ['超期小时', 'Hours overdue'],
            ['当前环节', 'Central stage'],
          ]),
          rows: rows.map((o) => [
            o.appNo,
            typeName(lang, o.typeCode),
            o.applicantName,
            o.phoneMasked,
            o.acceptedAt,
            o.deadlineAt,
            o.overdueHours,
            o.centralStage ? pick(lang, stageLabel(o.centralStage)) : '',
          ]),
        };
      }
      case 'repeats': {
        const rows = deps.complaints.repeatList('orange');
        return {
          name: TITLES.repeats[lang],
          headings: h(lang, [
            ['客户', 'Customer'],
            ['证件/电话', 'ID / phone'],
            ['来源', 'Source'],
            ['事项', 'Matter'],
            ['次数', 'Contacts'],
            ['等级', 'Level'],
            ['最近一次', 'Latest'],
            ['最近编号', 'Latest no.'],
          ]),
          rows: rows.map((x) => [
            x.customerName,
            x.customerMasked,
            lang === 'zh' ? (x.kind === 'application' ? '业务申请' : '投诉诉求') : x.kind,
            x.kind === 'application'
              ? pick(
                  lang,
                  FAMILY_LABELS[x.matter as BusinessFamily] ?? { zh: x.matter, en: x.matter },
                )
              : pick(
                  lang,
                  COMPLAINT_SUBJECT_LABELS[x.matter as ComplaintSubject] ?? {
                    zh: x.matter,
                    en: x.matter,
                  },
                ),
            x.count,
            lang === 'zh' ? { orange: '橙', red: '红', none: '' }[x.level] : x.level,
            x.lastAt,
            x.lastNo,
          ]),
        };
      }
      case 'waits': {
        if (!deps.queueMeasures)
          throw apiError('UNAVAILABLE', '本机暂无排队数据', 'No queue data on this console yet', {
            field: 'report',
          });
        const r = defaultRange(input.filters);
        const m = await deps.queueMeasures(r.from, r.to);
        const num = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
        return {
          name: TITLES.waits[lang],
          headings: h(lang, [
            ['业务', 'Service'],
            ['取号', 'Issued'],
            ['已办', 'Served'],
            ['过号', 'No-shows'],
            ['平均等候(分)', 'Avg wait (min)'],
            ['最长等候(分)', 'Max wait (min)'],
            [`等候超${m.longWaitMinutes}分钟`, `Waits over ${m.longWaitMinutes} min`],
            ['平均办理(分)', 'Avg service (min)'],
          ]),
          rows: [m.total, ...m.byService].map((row) => [
            pick(lang, row.name),
            row.issued,
            row.served,
            row.noShows,
            num(row.avgWaitMinutes),
            num(row.maxWaitMinutes),
            row.longWaits,
            num(row.avgServiceMinutes),
          ]),
        };
      }
    }
  }

  async function exportReport(input: ExportInputParsed, actor: string): Promise<ExportFile> {
    const table = await build(input);
    const stamp = toHallIso(deps.now().getTime()).slice(0, 16).replace(/[-:T]/g, '');
    const filename = `${input.report}-${stamp}.${input.format}`;
    const data = input.format === 'csv' ? toCsv(table) : await toXlsx(table);
    logStmt.run({
      at: deps.now().getTime(),
      actor,
      report: input.report,
      format: input.format,
      rows: table.rows.length,
      filters: JSON.stringify(input.filters),
      filename,
    });
    return {
      filename,
      mimeType: MIME[input.format],
      base64: data.toString('base64'),
      rows: table.rows.length,
    };
  }

  return { exportReport, build };
}
