import type { LocalState } from '../../../../shared/api/schemas';
import { FINAL_STAGE } from '../../../../shared/catalogue/stages';
import { cipherOf, type IndexKind } from '../crypto';
import { prepared, type Database } from '../db';
import { hallDayEnd, hallDayStart } from '../../../../shared/hall-time';
import { normalizeCode, normalizePhone } from '../../../../shared/validators/normalize';
import { wholeCertificateNumber } from '../../../../shared/validators/certificates';
import { pinyinQuery } from './name-pinyin';

/** Totals above this are reported as "this many or more": counting further costs time. */
export const LIST_COUNT_CAP = 10_000;

/** Not finished: the condition of the partial index applications_deadline (migration 018). */
export const OPEN_ONLY_SQL = `(central_stage IS NULL OR central_stage <> '${FINAL_STAGE}')`;

export interface ListFilter {
  typeCode?: string;
  state?: LocalState;
  /** Inclusive hall dates (YYYY-MM-DD) on created_at. */
  from?: string;
  to?: string;
  q?: string;
  /** deadline_at range [from, to), epoch ms: a warning level (see warningRange). */
  deadlineFrom?: number;
  deadlineTo?: number;
  /** Leave out applications the central system has archived (they carry no warning). */
  openOnly?: boolean;
  /** Only the finished ones: archived by the central system (the warning filter's 已归档). */
  finishedOnly?: boolean;
  /**
   * created: newest first (default); deadline: soonest due first, drafts and finished work
   * left out (nothing left to count, so they must not head the list).
   */
  sort?: 'created' | 'deadline';
  offset: number;
  limit: number;
  /** Tests only: a smaller cap, to exercise the dense path on small tables. */
  countCap?: number;
}

/** The columns a list row needs: no JSON blobs. */
export interface SummaryRow {
  rowid: number;
  id: string;
  app_no: string | null;
  type_code: string;
  account_kind: string;
  state: LocalState;
  applicant_name: string;
  mobile: string;
  id_number: string;
  credit_code: string;
  account_no: string;
  created_at: number;
  accepted_at: number | null;
  deadline_at: number | null;
  central_no: string | null;
  central_stage: string | null;
}

const SUMMARY_NAMES = [
  'rowid',
  'id',
  'app_no',
  'type_code',
  'account_kind',
  'state',
  'applicant_name',
  'mobile',
  'id_number',
  'credit_code',
  'account_no',
  'created_at',
  'accepted_at',
  'deadline_at',
  'central_no',
  'central_stage',
] as const;
const SUMMARY_COLUMNS = SUMMARY_NAMES.join(', ');
const SUMMARY_COLUMNS_A = SUMMARY_NAMES.map((c) => `a.${c}`).join(', ');

type Params = Record<string, string | number>;

// The SQL text depends only on which filters and branches are present: a handful of shapes,
// each prepared once (the shared statement cache).
const query = <R>(db: Database, sql: string) => prepared<Params, R>(db, sql);

/**
 * A search column with the index whose leading column it is: a prefix range (`lo` ≤ col <
 * `hi`) for names, 户号 and numbers, or one exact value (`exact`, `hi` unused) for a blind index.
 */
export interface Branch {
  column: string;
  index: string;
  lo: string;
  hi: string;
  exact?: boolean;
}

/** The blind index of a whole value (the station's HMAC): what protected columns are matched by. */
export type BlindIndexer = (kind: IndexKind, value: string) => string;

/**
 * Smallest string greater than every string starting with `prefix` (binary collation compares
 * UTF-8 bytes, which sort like code points): bump the last code point.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix].map((c) => c.codePointAt(0) ?? 0);
  while (points.length > 0) {
    const last = points.pop() ?? 0;
    if (last < 0x10ffff) {
      const next = last === 0xd7ff ? 0xe000 : last + 1; // skip the surrogate range
      return String.fromCodePoint(...points, next);
    }
  }
  return '\u{10ffff}'.repeat(2);
}

const DIGITS = /^\d+$/;
const ALNUM = /^[0-9A-Za-z]+$/;
// Digit-only prefixes this short match a large share of all 户号: they would only flood the
// list, so they search names and numbers of applications only.
const MIN_DIGITS = 3;

// Only whole values are looked up in the blind indexes: a part of one could never match.
const WHOLE_MOBILE = /^1\d{10}$/;
const WHOLE_CREDIT_CODE = /^[0-9A-Z]{18}$/;

/**
 * Which search columns a query can match, each as an index range or, for the protected
 * identifiers (phone, ID number, credit code), one blind-index value: those match the whole
 * value only, never a prefix, suffix or wildcard.
 */
export function searchBranches(raw: string, blindIndex: BlindIndexer): Branch[] {
  const q = raw.trim();
  if (q === '') return [];
  const branches: Branch[] = [];
  const add = (column: string, index: string, value: string): void => {
    branches.push({ column, index, lo: value, hi: prefixUpperBound(value) });
  };
  const exact = (kind: IndexKind, index: string, value: string): void => {
    const bidx = blindIndex(kind, value);
    branches.push({ column: `${kind}_bidx`, index, lo: bidx, hi: bidx, exact: true });
  };
  add('applicant_name', 'applications_name_search', q);
  // Latin letters alone may be pinyin: initials ("zw") or full pinyin ("zhangw"), both prefixes.
  const py = pinyinQuery(q);
  if (py !== undefined) {
    add('name_initials', 'applications_name_initials', py);
    add('name_pinyin', 'applications_name_pinyin', py);
  }
  // The same normal form the stored copies and their blind index were made from: a phone
  // typed "138 0013 8000" or "+86 138-0013-8000" finds the one stored as 13800138000.
  const phone = normalizePhone(q);
  if (WHOLE_MOBILE.test(phone)) exact('mobile', 'applications_mobile_bidx', phone);
  const code = normalizeCode(q);
  // Any person's certificate (ID card, permits, passport) is indexed under id_number.
  const certificate = wholeCertificateNumber(code);
  if (certificate !== null) exact('id_number', 'applications_id_number_bidx', certificate);
  if (WHOLE_CREDIT_CODE.test(code)) exact('credit_code', 'applications_credit_code_bidx', code);
  if (DIGITS.test(q) && q.length >= MIN_DIGITS) {
    add('account_no', 'applications_account_no_search', q);
  }
  if (ALNUM.test(q)) add('app_no', 'applications_app_no', q.toUpperCase());
  return branches;
}

interface Where {
  sql: string;
  params: Params;
}

function filterWhere(f: ListFilter): Where {
  const parts: string[] = [];
  const params: Params = {};
  if (f.typeCode !== undefined) {
    parts.push('type_code = @typeCode');
    params.typeCode = f.typeCode;
  }
  if (f.state !== undefined) {
    parts.push('state = @state');
    params.state = f.state;
  }
  if (f.from !== undefined) {
    parts.push('created_at >= @fromMs');
    params.fromMs = hallDayStart(f.from);
  }
  if (f.to !== undefined) {
    parts.push('created_at < @toMs');
    params.toMs = hallDayEnd(f.to);
  }
  if (f.deadlineFrom !== undefined) {
    parts.push('deadline_at >= @deadlineFrom');
    params.deadlineFrom = f.deadlineFrom;
  }
  if (f.deadlineTo !== undefined) {
    parts.push('deadline_at < @deadlineTo');
    params.deadlineTo = f.deadlineTo;
  }
  if (f.sort === 'deadline' && f.deadlineFrom === undefined && f.deadlineTo === undefined) {
    parts.push('deadline_at IS NOT NULL');
  }
  // Written exactly as the partial index applications_deadline's condition, so it is used.
  if (f.finishedOnly) parts.push(`central_stage = '${FINAL_STAGE}'`);
  else if (f.openOnly || f.sort === 'deadline') parts.push(OPEN_ONLY_SQL);
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** One branch of a search: an index range scan (INDEXED BY fails loudly if it cannot be). */
export function branchQuery(b: Branch, i: number, whereSql: string): string {
  return `SELECT rowid AS r, created_at AS c FROM applications INDEXED BY ${b.index}
    WHERE ${branchMatch(b, i, '')} AND ${whereSql}`;
}

/** The branch's condition; `plus` ('+') keeps the column's index out (dense walk). */
function branchMatch(b: Branch, i: number, plus: '' | '+'): string {
  const col = `${plus}${b.column}`;
  return b.exact ? `${col} = @lo${i}` : `${col} >= @lo${i} AND ${col} < @hi${i}`;
}

export interface ListPage {
  rows: SummaryRow[];
  total: number;
  more: boolean;
}

/**
 * Newest-first page of applications. Without a query: walk the created_at (or state / type)
 * index. With one: count each branch's index range up to the cap; large match sets (a
 * surname at a million rows) are found by walking created_at backwards, where a page fills at
 * once; smaller ones take the page from the branches' own (column, created_at) indexes, which
 * cover rowid and created_at, so only the rows of the page are read from the table. Never a
 * leading-wildcard LIKE. Sorted by deadline (soonest first) the same shapes order by deadline_at.
 */
export function listApplications(db: Database, f: ListFilter): ListPage {
  const where = filterWhere(f);
  const page = { limit: f.limit, offset: f.offset };
  const limitCount = f.countCap ?? LIST_COUNT_CAP;
  const cap = limitCount + 1;
  const q = f.q?.trim() ?? '';
  const cipher = cipherOf(db);
  const branches = searchBranches(q, (kind, value) => cipher.blindIndex(kind, value));
  const byDeadline = f.sort === 'deadline';
  const order = byDeadline ? 'deadline_at ASC, rowid ASC' : 'created_at DESC, rowid DESC';

  if (q === '') {
    const rows = query<SummaryRow>(
      db,
      `SELECT ${SUMMARY_COLUMNS} FROM applications WHERE ${where.sql}
       ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all({ ...where.params, ...page });
    const n = query<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM applications WHERE ${where.sql} LIMIT @cap)`,
    ).get({ ...where.params, cap });
    return capped(rows, n?.n ?? 0, limitCount);
  }

  const params: Params = { ...where.params };
  const branchSql = branches.map((b, i) => {
    params[`lo${i}`] = b.lo;
    if (!b.exact) params[`hi${i}`] = b.hi;
    return branchQuery(b, i, where.sql);
  });

  // Each branch's matches, counted up to the cap through its index alone.
  const counts = branchSql.map(
    (sql) =>
      query<{ n: number }>(db, `SELECT count(*) AS n FROM (${sql} LIMIT @cap)`).get({
        ...params,
        cap,
      })?.n ?? 0,
  );

  // Any single branch past the cap means the union is too: dense mode.
  if (counts.some((n) => n > limitCount)) {
    // Unary + keeps the search columns' indexes out, so the newest-first index is walked.
    const match = branches.map((b, i) => `(${branchMatch(b, i, '+')})`).join(' OR ');
    const rows = query<SummaryRow>(
      db,
      `SELECT ${SUMMARY_COLUMNS} FROM applications WHERE ${where.sql} AND (${match})
       ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all({ ...params, ...page });
    return { rows, total: limitCount, more: true };
  }

  // Branches with no match drop out; with none left there is nothing to read.
  const live = branchSql.filter((_, i) => (counts[i] ?? 0) > 0);
  if (live.length === 0) return { rows: [], total: 0, more: false };
  const rows = query<SummaryRow>(db, sparsePageSql(live, byDeadline)).all({
    ...params,
    ...page,
    upTo: f.offset + f.limit,
  });
  // One branch: its count is the total. Several may match the same row: count their union.
  const n =
    live.length === 1
      ? counts.find((c) => c > 0)
      : query<{ n: number }>(db, `SELECT count(*) AS n FROM (${live.join(' UNION ')})`).get(params)
          ?.n;
  return capped(rows, n ?? 0, limitCount);
}

/**
 * The page of a sparse search. Newest first: each branch's first offset + limit rows come
 * from its index (a bounded sort of index entries, no table reads), the union of those
 * holds the page, and only the page's rows are read from the table. (Joining first would read
 * every match from the table before sorting.) By deadline, which no branch index holds, every
 * match's deadline_at is read.
 */
export function sparsePageSql(branchSql: string[], byDeadline: boolean): string {
  if (byDeadline) {
    return `SELECT ${SUMMARY_COLUMNS_A} FROM (${branchSql.join(' UNION ')}) m
      JOIN applications a ON a.rowid = m.r
      ORDER BY a.deadline_at ASC, a.rowid ASC LIMIT @limit OFFSET @offset`;
  }
  const newest = 'ORDER BY c DESC, r DESC';
  const firsts = branchSql.map((sql) => `SELECT r, c FROM (${sql} ${newest} LIMIT @upTo)`);
  return `SELECT ${SUMMARY_COLUMNS_A}
    FROM (SELECT r, c FROM (${firsts.join(' UNION ')}) ${newest} LIMIT @limit OFFSET @offset) m
    JOIN applications a ON a.rowid = m.r
    ORDER BY m.c DESC, m.r DESC`;
}

function capped(rows: SummaryRow[], n: number, limitCount: number): ListPage {
  return n > limitCount ? { rows, total: limitCount, more: true } : { rows, total: n, more: false };
}
