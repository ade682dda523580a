import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalState } from '../../../../shared/api/schemas';
import { createFieldCipher, ephemeralKeys } from '../crypto';
import { openDatabase, type Database } from '../db';
import { rng } from '../testing/fixtures';
import { seedApplications, type SeededRow } from '../testing/seed';
import { hallDayEnd, hallDayStart } from '../../../../shared/hall-time';
import {
  branchQuery,
  listApplications,
  prefixUpperBound,
  searchBranches,
  sparsePageSql,
  type ListFilter,
} from './search';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
let db: Database;
const rows: (SeededRow & { rowid: number })[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-search-'));
  db = openDatabase(join(dir, 'hall.db'), {
    log: testLog,
    cipher: createFieldCipher(ephemeralKeys()),
  });
  seedApplications(db, 3000, { seed: 7, stepMs: 20 * 60_000 }, (row) =>
    rows.push({ ...row, rowid: rows.length + 1 }),
  );
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The specification, written naively over all rows: prefix match on the name always; on 户号
 * for digit queries of 3+ characters; on the application number for letters and digits. Phone
 * (which may carry +86) and ID number match the whole value only, never a part of it. Newest
 * first, ties by insertion order.
 */
function oracle(f: ListFilter): { ids: string[]; total: number } {
  const q = (f.q ?? '').trim();
  const upper = q.toUpperCase();
  const phone = q.replace(/^(?:\+|00)86[ -]?/, '');
  const digits = /^\d+$/.test(q);
  // Latin letters alone (case, spaces and apostrophes aside) are pinyin: initials or full.
  const py = q.replace(/[\s']/g, '').toLowerCase();
  const pinyin = /^[a-z]+$/.test(py);
  const matches = (r: SeededRow): boolean =>
    q === '' ||
    r.applicant_name.startsWith(q) ||
    (pinyin && (r.name_initials.startsWith(py) || r.name_pinyin.startsWith(py))) ||
    r.mobile === phone ||
    r.id_number === upper ||
    (digits && q.length >= 3 && r.account_no.startsWith(q)) ||
    (/^[0-9A-Za-z]+$/.test(q) && (r.app_no ?? '').startsWith(upper));
  const hits = rows
    .filter(
      (r) =>
        matches(r) &&
        (f.typeCode === undefined || r.type_code === f.typeCode) &&
        (f.state === undefined || r.state === f.state) &&
        (f.from === undefined || r.created_at >= hallDayStart(f.from)) &&
        (f.to === undefined || r.created_at < hallDayEnd(f.to)),
    )
    .sort((a, b) => b.created_at - a.created_at || b.rowid - a.rowid);
  return {
    ids: hits.slice(f.offset, f.offset + f.limit).map((r) => r.id),
    total: hits.length,
  };
}

function check(f: ListFilter): void {
  const got = listApplications(db, f);
  const want = oracle(f);
  const cap = f.countCap ?? 10_000;
  expect(
    got.rows.map((r) => r.id),
    JSON.stringify(f),
  ).toEqual(want.ids);
  expect(got.total, JSON.stringify(f)).toBe(Math.min(want.total, cap));
  expect(got.more, JSON.stringify(f)).toBe(want.total > cap);
}

const some = (i: number): SeededRow => rows[(i * 7919) % rows.length] as SeededRow;

describe('listApplications', () => {
  it('lists newest first with paging and exact totals', () => {
    check({ offset: 0, limit: 50 });
    check({ offset: 2950, limit: 100 });
  });

  it('finds by name prefix (surname, surname + given name, full name)', () => {
    const name = some(1).applicant_name;
    for (const q of [name.slice(0, 1), name.slice(0, 2), name]) check({ q, offset: 0, limit: 20 });
    const got = listApplications(db, { q: name, offset: 0, limit: 500 });
    expect(got.rows.length).toBeGreaterThan(0);
    expect(got.rows.every((r) => r.applicant_name.startsWith(name))).toBe(true);
  });

  it('finds by pinyin initials and full pinyin, as prefixes, in any case', () => {
    const row = some(4);
    expect(row.name_initials.length).toBeGreaterThan(1);
    for (const q of [
      row.name_initials.slice(0, 1),
      row.name_initials,
      row.name_pinyin,
      row.name_pinyin.slice(0, 4).toUpperCase(),
      'nobody',
    ]) {
      check({ q, offset: 0, limit: 30 });
    }
    const hits = listApplications(db, { q: row.name_initials, offset: 0, limit: 500 }).rows;
    expect(hits.map((r) => r.id)).toContain(row.id);
  });

  it('finds by whole phone (with or without +86) and whole ID number, 户号 by prefix', () => {
    const row = some(2);
    const ids = (q: string, limit = 10): string[] =>
      listApplications(db, { q, offset: 0, limit }).rows.map((r) => r.id);
    expect(ids(row.mobile)).toContain(row.id);
    expect(ids(`+86 ${row.mobile}`)).toContain(row.id);
    expect(ids(row.id_number.toLowerCase())).toContain(row.id);
    expect(ids(row.account_no.slice(0, 8), 500)).toContain(row.id);
    for (const q of [
      row.mobile.slice(0, 5),
      row.id_number.toLowerCase(),
      row.account_no.slice(0, 4),
    ]) {
      check({ q, offset: 0, limit: 30 });
    }
  });

  it('never matches a part of a phone or ID number (prefix, suffix, wildcard)', () => {
    const row = some(5);
    const parts = [
      row.mobile.slice(0, 10),
      row.mobile.slice(1),
      `${row.mobile.slice(0, 7)}%`,
      `${row.mobile.slice(0, 7)}*`,
      row.id_number.slice(0, 17),
      row.id_number.slice(1),
      `%${row.id_number.slice(-6)}`,
      `${row.id_number.slice(0, 6)}_`,
    ];
    for (const q of parts) {
      const hits = listApplications(db, { q, offset: 0, limit: 500 }).rows;
      expect(
        hits.map((r) => r.id),
        q,
      ).not.toContain(row.id);
    }
  });

  it('finds by application number, case-insensitively', () => {
    const row = rows.find((r) => r.app_no !== null) as SeededRow;
    const got = listApplications(db, {
      q: (row.app_no as string).toLowerCase(),
      offset: 0,
      limit: 5,
    });
    expect(got.rows.map((r) => r.id)).toEqual([row.id]);
  });

  it('matches the naive specification on random queries and filters, in both plans', () => {
    const r = rng(99);
    const states: LocalState[] = ['draft', 'queued', 'acknowledged'];
    for (let i = 0; i < 200; i++) {
      const row = some(i + 3);
      const kind = Math.floor(r() * 9);
      const q = [
        row.applicant_name.slice(0, 1 + Math.floor(r() * 2)),
        row.name_initials.slice(0, 1 + Math.floor(r() * 3)),
        row.name_pinyin.slice(0, 2 + Math.floor(r() * 8)),
        row.mobile.slice(0, 3 + Math.floor(r() * 9)),
        row.id_number.slice(0, 3 + Math.floor(r() * 15)),
        row.account_no.slice(0, 3 + Math.floor(r() * 7)),
        (row.app_no ?? 'S99').slice(0, 3 + Math.floor(r() * 8)),
        '1',
        'nobody',
      ][kind];
      const from = new Date(row.created_at + 8 * 3_600_000).toISOString().slice(0, 10);
      const f: ListFilter = {
        ...(q !== undefined ? { q } : {}),
        ...(r() < 0.3 ? { state: states[Math.floor(r() * states.length)] } : {}),
        ...(r() < 0.3 ? { typeCode: 'CHG_TRANSFER' } : {}),
        ...(r() < 0.3 ? { from, to: from } : {}),
        offset: r() < 0.2 ? 10 : 0,
        limit: 1 + Math.floor(r() * 40),
        // A small cap sends broad queries down the dense (walk newest-first) path.
        ...(r() < 0.5 ? { countCap: 40 } : {}),
      };
      check(f);
    }
  });

  it('searches every column through an index range, never a scan', () => {
    for (const q of [
      '张',
      '13812345678',
      '11010519491231002x',
      '1234567890',
      'S9920240102',
      'abc',
      'zhangw',
    ]) {
      const branches = searchBranches(q, (kind, v) => `${kind}:${v}`);
      if (/^[a-z]+$/.test(q))
        expect(branches.map((b) => b.column)).toEqual(
          expect.arrayContaining(['name_initials', 'name_pinyin']),
        );
      expect(branches.length).toBeGreaterThan(q === '张' ? 0 : 1);
      branches.forEach((b, i) => {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${branchQuery(b, i, 'state = @state')}`).all({
          [`lo${i}`]: b.lo,
          ...(b.exact ? {} : { [`hi${i}`]: b.hi }),
          state: 'queued',
        }) as { detail: string }[];
        const detail = plan.map((p) => p.detail).join(' | ');
        const range = b.exact ? `${b.column}=\\?` : `${b.column}>\\? AND ${b.column}<\\?`;
        expect(detail, q).toMatch(
          new RegExp(`^SEARCH applications USING (COVERING )?INDEX ${b.index} \\(${range}\\)$`),
        );
      });
    }
  });
});

describe('sparsePageSql', () => {
  type PlanRow = { id: number; parent: number; detail: string };
  const planOf = (q: string): PlanRow[] => {
    const branches = searchBranches(q, (kind, v) => `${kind}:${v}`);
    const params: Record<string, string | number> = { upTo: 100, limit: 100, offset: 0 };
    branches.forEach((b, i) => {
      params[`lo${i}`] = b.lo;
      if (!b.exact) params[`hi${i}`] = b.hi;
    });
    const sql = sparsePageSql(
      branches.map((b, i) => branchQuery(b, i, '1')),
      false,
    );
    return db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
  };
  /** The plan rows under `id`, at any depth. */
  const under = (plan: PlanRow[], id: number): PlanRow[] => {
    const kids = plan.filter((p) => p.parent === id);
    return kids.flatMap((k) => [k, ...under(plan, k.id)]);
  };

  it('sorts index entries alone and reads from the table only the rows of the page', () => {
    // One branch (a surname) and several (pinyin: name, initials, full pinyin, application no.).
    for (const q of ['张', 'zhang']) {
      const plan = planOf(q);
      const top = plan.filter((p) => p.parent === 0).map((p) => p.detail);
      // The page is chosen first (m), then each of its rows is read by rowid.
      expect(top, q).toEqual([
        'CO-ROUTINE m',
        'SCAN m',
        'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)',
      ]);
      const inside = under(plan, plan.find((p) => p.detail === 'CO-ROUTINE m')!.id);
      const searches = inside.filter((p) => p.detail.startsWith('SEARCH'));
      expect(searches.length, q).toBe(searchBranches(q, (k, v) => `${k}:${v}`).length);
      // Every (column, created_at) index answers its branch alone: no table row is read to
      // sort. (The application number's unique index holds app_no only; a prefix of it narrows
      // to one day's numbers once it has the date, and broader ones are walked newest first.)
      for (const s of searches.filter((p) => !p.detail.includes('applications_app_no ')))
        expect(s.detail, q).toMatch(/^SEARCH applications USING COVERING INDEX /);
    }
  });
});

describe('prefixUpperBound', () => {
  it('is above every extension of the prefix and below the next prefix', () => {
    expect(prefixUpperBound('138')).toBe('139');
    expect(prefixUpperBound('张')).toBe(String.fromCodePoint('张'.codePointAt(0)! + 1));
    expect('张三丰' < prefixUpperBound('张')).toBe(true);
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
  });
});
