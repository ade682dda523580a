import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ApiErrorBodySchema, type ApiResult } from '../../shared/api/errors';
import { SESSION_HEADER } from '../../shared/auth/session-transport';
import {
  ctxFor,
  seedStaff,
  startTestServices,
  TEST_COST,
  type TestServices,
} from '../../electron/main/services/auth/testing/services';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { badPayloads, shapeKeys } from './payloads';
import { testLog } from '../support/test-log';

const PER_METHOD_HTTP = Number(process.env.FUZZ_HTTP ?? 110);
const PER_METHOD_DISPATCH = Number(process.env.FUZZ_DISPATCH ?? 110);

interface Tally {
  calls: number;
  crashes: string[];
}

/** A crash is anything but a well-formed envelope; INTERNAL means an unexpected exception. */
function check(tally: Tally, where: string, result: unknown): void {
  tally.calls += 1;
  const r = result as ApiResult<unknown> | undefined;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
    tally.crashes.push(`${where}: not an envelope`);
    return;
  }
  if (r.ok) return;
  if (!ApiErrorBodySchema.safeParse(r.error).success) tally.crashes.push(`${where}: untyped error`);
  else if (r.error.code === 'INTERNAL') tally.crashes.push(`${where}: INTERNAL`);
}

function integrityOk(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

// signOut would end the session the rest of the run uses: it gets a throwaway one.
const signedOutLast = (m: MethodName) => m === 'auth.signOut';

const samples = (method: MethodName, n: number, seed: number) =>
  fc.sample(badPayloads(shapeKeys(contract[method].input as never)), { numRuns: n, seed });

describe('fuzz: generated bad payloads through every API method', () => {
  const totals: Tally = { calls: 0, crashes: [] };

  afterAll(() => {
    console.log(`fuzz=${totals.calls} crashes=${totals.crashes.length}`);
  });

  describe('through the dispatcher', () => {
    let t: TestServices;
    let tokens: Awaited<ReturnType<typeof seedStaff>>;
    beforeAll(async () => {
      t = startTestServices();
      tokens = await seedStaff(t.services);
    });
    afterAll(async () => {
      await t.cleanup();
    });

    it('answers every payload with a typed error or a value; the file stays intact', async () => {
      const tally: Tally = { calls: 0, crashes: [] };
      for (const [i, method] of METHOD_NAMES.entries()) {
        const payloads = samples(method, PER_METHOD_DISPATCH, 1000 + i);
        for (const [j, payload] of payloads.entries()) {
          const session = signedOutLast(method)
            ? 'not-a-session'
            : [tokens.supervisor, tokens.counter, tokens.guide, undefined][j % 4];
          check(tally, method, await t.services.dispatch(method, payload, ctxFor(session)));
        }
      }
      // Not even a string for a method name, or a context without a session.
      for (const odd of [undefined, null, 42, {}, '__proto__', 'constructor', 'toString']) {
        check(tally, 'method', await t.services.dispatch(odd as never, {}, ctxFor()));
      }
      totals.calls += tally.calls;
      totals.crashes.push(...tally.crashes);
      expect(tally.crashes.slice(0, 20)).toEqual([]);
      expect(tally.calls).toBeGreaterThanOrEqual(METHOD_NAMES.length * PER_METHOD_DISPATCH);
      expect(t.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });

  describe('over HTTP (a real web host)', () => {
    let host: WebHost;
    let dir: string;
    let token = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hall-fuzz-http-'));
      host = await startWebHost({
        dbFile: join(dir, 'hall.db'),
        log: testLog,
        scryptCost: TEST_COST,
      });
      const res = await fetch(`${host.url}/api/auth.setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffNo: 'S001', name: '主管', secret: 'fuzz-supervisor' }),
      });
      token = ((await res.json()) as { value: { token: string } }).value.token;
    });
    afterAll(async () => {
      await host.close();
      expect(integrityOk(join(dir, 'hall.db'))).toBe('ok');
      rmSync(dir, { recursive: true, force: true });
    });

    const post = async (method: string, body: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${host.url}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) as unknown };
      } catch {
        return { status: res.status, body: undefined };
      }
    };

    it('answers every request with a typed error or a value, never a 500', async () => {
      const tally: Tally = { calls: 0, crashes: [] };
      for (const [i, method] of METHOD_NAMES.entries()) {
        const payloads = samples(method, PER_METHOD_HTTP, 5000 + i);
        for (const [j, payload] of payloads.entries()) {
          const session = signedOutLast(method) ? 'x' : j % 3 === 2 ? 'forged' : token;
          const { status, body } = await post(method, JSON.stringify(payload ?? null), {
            [SESSION_HEADER]: session,
          });
          check(tally, method, body);
          if (status === 500) tally.crashes.push(`${method}: HTTP ${status}`);
        }
      }
      // Bodies that are not JSON at all, and method names that are not methods.
      const raw = ['{', '{"a":', 'null', '"str"', '[1,2', '\u0000', '{"__proto__":{"x":1}}'];
      for (const body of raw) check(tally, 'raw', (await post('applications.list', body)).body);
      for (const name of ['', '__proto__', 'constructor', 'a'.repeat(300), '%00']) {
        check(tally, 'name', (await post(name, '{}', { [SESSION_HEADER]: token })).body);
      }
      totals.calls += tally.calls;
      totals.crashes.push(...tally.crashes);
      expect(tally.crashes.slice(0, 20)).toEqual([]);
    }, 120_000);
  });
});
