import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { ERROR_HTTP_STATUS } from '../../shared/api/errors';
import { CATALOGUE } from '../../shared/catalogue';
import {
  NOT_LOOKUPS,
  PROTECTED_LOOKUPS,
  SEARCHES_PER_MINUTE,
} from '../../electron/main/services/protected-search';
import {
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../../electron/main/services/auth/testing/services';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';

/** Input fields that carry a query or a value customers are looked up by. */
const QUERY_LIKE = /^(q|query|search|keyword|term|text|mobile|phone|idNumber|creditCode)$/i;

type Def = { shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType): Def | undefined =>
  (s as unknown as { _zod?: { def?: Def } })._zod?.def;

/** Query-like field paths of a schema, through objects, optionals, defaults and pipes. */
function queryFields(schema: z.ZodType, path = '', depth = 0): string[] {
  const def = defOf(schema);
  if (!def || depth > 6) return [];
  if (def.innerType) return queryFields(def.innerType, path, depth + 1);
  if (def.in) return queryFields(def.in, path, depth + 1);
  if (!def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const here = path ? `${path}.${key}` : key;
    return [...(QUERY_LIKE.test(key) ? [here] : []), ...queryFields(child, here, depth + 1)];
  });
}

describe('protected search: one list covers every look-up method', () => {
  it('every contract method with a query-like input field is guarded or exempted with a reason', () => {
    const listed = new Set<string>([
      ...PROTECTED_LOOKUPS.map((g) => g.method),
      ...Object.keys(NOT_LOOKUPS),
    ]);
    const withQuery = METHOD_NAMES.filter((m) => queryFields(contract[m].input).length > 0);
    const missing = withQuery.filter((m) => !listed.has(m));
    console.log(
      `protected_lookup_methods guarded=${PROTECTED_LOOKUPS.length} with_query_fields=${withQuery.length} missing=${missing.length}`,
    );
    expect(withQuery).toContain('applications.list');
    expect(missing).toEqual([]);
  });

  it('the scan finds a query-like field (it can fail)', () => {
    expect(queryFields(contract['applications.list'].input)).toEqual(['q']);
    expect(queryFields(contract['kiosk.lookup'].input)).toEqual(['mobile']);
  });

  it('RATE_LIMITED is answered 429 over HTTP', () => {
    expect(ERROR_HTTP_STATUS.RATE_LIMITED).toBe(429);
  });
});

describe('protected search through the dispatcher (enforcement on)', () => {
  let t: TestServices;
  let tokens: Awaited<ReturnType<typeof seedStaff>>;
  let mobile = '';
  let idNumber = '';

  beforeAll(async () => {
    t = startTestServices();
    tokens = await seedStaff(t.services);
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(41), new Date());
    const r = await t.services.dispatch('applications.submit', input, ctxFor(tokens.counter));
    if (!r.ok) throw new Error(r.error.messageEn);
    mobile = String(input.fields.mobile);
    idNumber = String(input.fields.idNumber);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const list = (q: string, token: string) =>
    t.services.dispatch('applications.list', { q }, ctxFor(token));
  const auditRows = async () => {
    const r = await t.services.dispatch('audit.list', { limit: 500 }, ctxFor(tokens.supervisor));
    if (!r.ok) throw new Error(r.error.messageEn);
    return r.value as { action: string; actor: string; target: string; detail: unknown }[];
  };

  it('a guide gets a clear error (zh-CN first) for a phone, an ID or a piece of one; names still work', async () => {
    for (const q of [mobile, idNumber, mobile.slice(0, 7), '张']) {
      const r = await list(q, tokens.guide);
      if (q === '张') {
        expect(r.ok).toBe(true);
        continue;
      }
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
      if (!r.ok) {
        expect(r.error.message).toMatch(/导购台不能按身份证号、手机号/);
        expect(r.error.messageEn).toMatch(/cannot search by ID number, phone/);
        expect(JSON.stringify(r.error)).not.toContain(q);
      }
    }
  });

  it('a guide typing a wildcard is told about the wildcard, not about ID numbers and phones', async () => {
    for (const q of ['%1234', '张_', 'zx%', '%']) {
      const r = await list(q, tokens.guide);
      expect(r.ok ? 'ok' : r.error.code, q).toBe('FORBIDDEN');
      if (!r.ok) {
        expect(r.error.message).toBe(
          '查询内容不能含有通配符（% _ * ? [ ]），请输入姓名或申请编号的开头部分',
        );
        expect(r.error.messageEn).toMatch(/cannot contain wildcards/);
        expect(r.error.message).not.toMatch(/身份证号/);
      }
    }
  });

  it('pinyin search (issue 12) finds the name for a guide and a clerk, unaudited, and stays text only', async () => {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(42), new Date());
    input.fields.applicantName = '曾小明'; // 曾 as a surname reads zeng (not ceng)
    const submitted = await t.services.dispatch(
      'applications.submit',
      input,
      ctxFor(tokens.counter),
    );
    if (!submitted.ok) throw new Error(submitted.error.messageEn);
    const id = (submitted.value as { id: string }).id;
    const before = (await auditRows()).length;
    for (const token of [tokens.guide, tokens.counter]) {
      for (const q of ['zxm', 'zengxiaoming', 'Zeng Xiao']) {
        const r = await list(q, token);
        expect(r.ok, q).toBe(true);
        if (r.ok)
          expect((r.value as { rows: { id: string }[] }).rows.map((row) => row.id)).toContain(id);
      }
    }
    // A pattern in Latin letters is still a pattern: refused to a guide, like any other.
    const wild = await list('zx%', tokens.guide);
    expect(wild.ok ? 'ok' : wild.error.code).toBe('FORBIDDEN');
    // Name and pinyin searches touch no protected column: no search audit rows.
    const after = await auditRows();
    const added = after.length - before;
    expect(after.slice(0, added).filter((row) => row.action === 'search')).toEqual([]);
  });

  it('a clerk searching by phone or ID leaves an audit row with the column, never the value', async () => {
    const before = (await auditRows()).filter((row) => row.action === 'search').length;
    expect((await list(mobile, tokens.counter)).ok).toBe(true);
    expect((await list(` ${idNumber.toLowerCase()} `, tokens.counter)).ok).toBe(true);
    expect((await list('张', tokens.counter)).ok).toBe(true);
    const rows = (await auditRows()).filter((row) => row.action === 'search');
    expect(rows.length - before).toBe(2);
    expect(rows.map((row) => row.target)).toEqual(expect.arrayContaining(['mobile', 'id_number']));
    expect(rows.every((row) => row.actor === 'C101')).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(mobile);
    expect(text).not.toContain(idNumber);
  });

  it('a digit-only certificate (台湾居民来往大陆通行证) is found whole by a clerk, audited; its prefixes find nothing and a guide probing them is refused', async () => {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(43), new Date());
    const permit = '87654321';
    input.fields = { ...input.fields, idType: 'taiwan_permit', idNumber: '8765 4321' };
    const r = await t.services.dispatch('applications.submit', input, ctxFor(tokens.counter));
    if (!r.ok) throw new Error(r.error.messageEn);
    const appNo = (r.value as { appNo: string }).appNo;
    const rowsOf = async (q: string) => {
      const res = await list(q, tokens.counter);
      if (!res.ok) throw new Error(res.error.messageEn);
      return (res.value as { rows: { appNo: string }[] }).rows.map((row) => row.appNo);
    };

    const before = (await auditRows()).filter((row) => row.action === 'search').length;
    expect(await rowsOf(permit)).toEqual([appNo]);
    expect(await rowsOf('8765-4321')).toEqual([appNo]);
    const searches = (await auditRows()).filter((row) => row.action === 'search');
    expect(searches.length - before).toBe(2);
    expect(searches[0]?.target).toBe('id_number');
    expect(JSON.stringify(searches)).not.toContain(permit);

    // The attack: prefixes typed one digit at a time.
    const prefixes = [3, 4, 5, 6, 7].map((n) => permit.slice(0, n));
    for (const q of prefixes) expect(await rowsOf(q), q).not.toContain(appNo);
    for (const q of [...prefixes, permit]) {
      const g = await list(q, tokens.guide);
      expect(g.ok ? 'ok' : g.error.code, q).toBe('FORBIDDEN');
    }
  });

  it('a 6-digit foreign passport is found whole by a clerk, audited; its shorter prefixes and a longer number it begins find nothing', async () => {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(47), new Date());
    const passport = '583921';
    input.fields = { ...input.fields, idType: 'passport', idNumber: passport };
    const r = await t.services.dispatch('applications.submit', input, ctxFor(tokens.counter));
    if (!r.ok) throw new Error(r.error.messageEn);
    const appNo = (r.value as { appNo: string }).appNo;
    const rowsOf = async (q: string) => {
      const res = await list(q, tokens.counter);
      if (!res.ok) throw new Error(res.error.messageEn);
      return (res.value as { rows: { appNo: string }[] }).rows.map((row) => row.appNo);
    };
    const before = (await auditRows()).filter((row) => row.action === 'search').length;
    expect(await rowsOf(passport)).toEqual([appNo]);
    const searches = (await auditRows()).filter((row) => row.action === 'search');
    expect(searches.length - before).toBe(1);
    expect(searches.some((row) => row.target === 'id_number')).toBe(true);
    expect(JSON.stringify(searches)).not.toContain(passport);
    // Exact only: its prefixes, and a longer number starting with it, do not find it.
    for (const q of ['583', '5839', '58392', '5839210', '58392100'])
      expect(await rowsOf(q), q).not.toContain(appNo);
    const g = await list(passport, tokens.guide);
    expect(g.ok ? 'ok' : g.error.code).toBe('FORBIDDEN');
  });

  it(`the ${SEARCHES_PER_MINUTE + 1}st search by a protected column in a minute is RATE_LIMITED, per staff member`, async () => {
    // A clerk of its own, so the searches of the tests above do not count against it.
    await t.services.dispatch(
      'auth.createAccount',
      { staffNo: 'C102', name: '柜员丁', role: 'counter', secret: 'counter-pass2' },
      ctxFor(tokens.supervisor),
    );
    const signIn = async (): Promise<string> => {
      const r = await t.services.dispatch(
        'auth.signIn',
        { staffNo: 'c102', secret: 'counter-pass2' },
        ctxFor(),
      );
      if (!r.ok) throw new Error(r.error.messageEn);
      return (r.value as { token: string }).token;
    };
    const session = await signIn();
    // Distinct whole phones: the same search paged or repeated is counted once.
    const phones = Array.from(
      { length: SEARCHES_PER_MINUTE },
      (_, i) => `139${String(i).padStart(8, '0')}`,
    );
    const codes: string[] = [];
    for (const phone of phones) {
      const r = await list(phone, session);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes.every((c) => c === 'ok')).toBe(true);
    const again = await list(phones[0] as string, session);
    expect(again.ok ? 'ok' : again.error.code).toBe('ok');
    const last = await list(idNumber, session);
    expect(last.ok ? 'ok' : last.error.code).toBe('RATE_LIMITED');
    if (!last.ok) expect(last.error.message).toMatch(/过于频繁/);
    // Signing in again does not start a fresh budget: it is the clerk's, not the session's.
    const fresh = await list(mobile, await signIn());
    expect(fresh.ok ? 'ok' : fresh.error.code).toBe('RATE_LIMITED');
    // Name search is not limited, and another staff member has a budget of their own.
    expect((await list('张', session)).ok).toBe(true);
    expect((await list(mobile, tokens.supervisor)).ok).toBe(true);
    const refused = (await auditRows()).filter((row) => row.action === 'search_refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(JSON.stringify(refused)).not.toContain(mobile);
  });
});
