import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ROLES, type Role } from '../../shared/api/permissions';
import { SESSION_HEADER } from '../../shared/auth/session-transport';
import type { ApiResult } from '../../shared/api/errors';
import {
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../../electron/main/services/auth/testing/services';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { testLog } from '../support/test-log';
import { readDocMatrix, type MatrixColumn } from './role-matrix-doc';

const REFUSED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
// Signing out ends the session the rest of the walk uses: it goes last.
const ORDERED: MethodName[] = [...METHOD_NAMES.filter((m) => m !== 'auth.signOut'), 'auth.signOut'];

const codeOf = (r: ApiResult<unknown>): string => (r.ok ? 'ok' : r.error.code);

let staff: TestServices;
let tokens: Awaited<ReturnType<typeof seedStaff>>;
const stations: Partial<Record<'kiosk' | 'display', TestServices>> = {};

beforeAll(async () => {
  staff = startTestServices();
  tokens = await seedStaff(staff.services);
  stations.kiosk = startTestServices({ stationRole: 'kiosk' });
  stations.display = startTestServices({ stationRole: 'display' });
});
afterAll(async () => {
  await staff.cleanup();
  await stations.kiosk?.cleanup();
  await stations.display?.cleanup();
});

/** Calls every method as `role` and returns the code each answered with. */
async function walk(role: Role): Promise<Map<MethodName, string>> {
  const codes = new Map<MethodName, string>();
  for (const method of ORDERED) {
    const result =
      role === 'kiosk' || role === 'display'
        ? await stations[role]!.services.dispatch(method, {}, ctxFor())
        : await staff.services.dispatch(method, {}, ctxFor(tokens[role]));
    codes.set(method, codeOf(result));
  }
  return codes;
}

/** The specification: the table in docs/security.md, not PERMISSIONS. */
const doc = readDocMatrix();
const allowedByDoc = (method: MethodName, column: MatrixColumn): boolean | undefined =>
  doc.cells.get(method)?.get(column);

/** A cell where the dispatcher does not do what the doc says, worded for the failure list. */
function disagreement(method: MethodName, column: MatrixColumn, code: string): string | null {
  const allowed = allowedByDoc(method, column);
  if (allowed === undefined) return `${method} × ${column}: no row in docs/security.md`;
  const refusal = column === 'unsigned' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (allowed && REFUSED.has(code)) return `${method} × ${column}: doc ✓, dispatcher ${code}`;
  if (!allowed && code !== refusal) return `${method} × ${column}: doc –, dispatcher ${code}`;
  return null;
}

describe('role × method matrix: the dispatcher against the table in docs/security.md', () => {
  it('the table reads cleanly and has one row for every method of the contract, no more', () => {
    expect(doc.problems).toEqual([]);
    const documented = [...doc.cells.keys()];
    expect({
      missing: METHOD_NAMES.filter((m) => !doc.cells.has(m)),
      unknown: documented.filter((m) => !(METHOD_NAMES as readonly string[]).includes(m)),
    }).toEqual({ missing: [], unknown: [] });
  });

  for (const role of ROLES) {
    it(`${role}: every cell of its column holds`, async () => {
      const codes = await walk(role);
      const wrong = METHOD_NAMES.map((m) => disagreement(m, role, codes.get(m)!)).filter(Boolean);
      expect(wrong).toEqual([]);
      console.log(
        `matrix role=${role} methods=${METHOD_NAMES.length} allowed=${
          METHOD_NAMES.filter((m) => allowedByDoc(m, role)).length
        } disagreements=${wrong.length}`,
      );
    });
  }

  it('unsigned (missing, forged or oversized token): every cell of its column holds', async () => {
    const wrong: string[] = [];
    for (const method of ORDERED) {
      for (const session of [undefined, 'forged-token', 'x'.repeat(500)]) {
        const code = codeOf(await staff.services.dispatch(method, {}, ctxFor(session)));
        const cell = disagreement(method, 'unsigned', code);
        if (cell) wrong.push(`${cell} (token ${session ? `${session.length} chars` : 'none'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the comparison can fail: a flipped cell is reported', () => {
    const method: MethodName = 'audit.verify';
    expect(allowedByDoc(method, 'guide')).toBe(false);
    expect(disagreement(method, 'guide', 'ok')).toBe('audit.verify × guide: doc –, dispatcher ok');
    expect(disagreement(method, 'supervisor', 'FORBIDDEN')).toBe(
      'audit.verify × supervisor: doc ✓, dispatcher FORBIDDEN',
    );
  });

  it('a refusal says nothing about the input or the data', async () => {
    const r = await staff.services.dispatch(
      'applications.list',
      { q: '11010519491231002X' },
      ctxFor(tokens.guide.slice(0, 10)),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual({
        code: 'UNAUTHENTICATED',
        message: '请先登录',
        messageEn: 'Please sign in first',
        field: 'session',
      });
    }
  });
});

describe('role enforcement over HTTP (a sample through a real web host)', () => {
  let host: WebHost;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-matrix-http-'));
    host = await startWebHost({ dbFile: join(dir, 'hall.db'), log: testLog });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (method: string, body: unknown, session?: string) => {
    const res = await fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session ? { [SESSION_HEADER]: session } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as ApiResult<unknown> };
  };

  it('needs a session header; a session in the body counts for nothing', async () => {
    expect((await post('applications.list', {})).status).toBe(401);
    const setup = await post('auth.setup', { staffNo: 'S001', name: '主管', secret: '20262026' });
    expect(setup.status).toBe(200);
    const token = setup.body.ok ? (setup.body.value as { token: string }).token : '';
    expect((await post('applications.list', { session: token })).status).toBe(401);
    expect((await post('applications.list', {}, token)).status).toBe(200);
    // A guide may list but not take applications.
    const created = await post(
      'auth.createAccount',
      { staffNo: 'G1', name: '引导', role: 'guide', secret: '31415926' },
      token,
    );
    expect(created.status).toBe(200);
    const guide = await post('auth.signIn', { staffNo: 'G1', secret: '31415926' });
    const guideToken = guide.body.ok ? (guide.body.value as { token: string }).token : '';
    expect((await post('applications.list', {}, guideToken)).status).toBe(200);
    const refused = await post('applications.saveDraft', {}, guideToken);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await post('audit.verify', {}, guideToken)).status).toBe(403);
    expect((await post('audit.verify', {}, token)).body).toMatchObject({ ok: true });
  });
});
