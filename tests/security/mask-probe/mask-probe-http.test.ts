import { testLog } from '../../support/test-log';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue';
import { SESSION_HEADER } from '../../../shared/auth/session-transport';
import { SEARCHES_PER_MINUTE } from '../../../electron/main/services/protected-search';
import { TEST_COST } from '../../../electron/main/services/auth/testing/services';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../../electron/main/services/testing/fixtures';
import { startWebHost, type WebHost } from '../../../electron/webhost/server';
import { askAll, type Target } from './probe';
import { ProbeTally } from './tally';

/**
 * A sample of the mask probe over HTTP against a real web host: applications.list as a guide
 * and as a clerk, with a sample of the variants at both hidden positions of a phone and an ID
 * number; and
 * the per-session limit answered 429.
 */
let host: WebHost;
let dir = '';
const tokens: Record<string, string> = {};
let target: Target;
/** The sample: a prefix, suffix, wildcard, width, case and country-code guess of each side. */
const SAMPLE = [
  'prefix',
  'prefix%',
  'pattern_',
  'full-width',
  '+86',
  'suffix',
  '%suffix',
  'lower-case suffix',
];

type Reply = { ok: boolean; value?: unknown; error?: { code: string } };

async function post(method: string, body: unknown, token?: string) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [SESSION_HEADER]: token } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Reply,
  };
}
async function ok<T = { token: string }>(
  method: string,
  body: unknown,
  token?: string,
): Promise<T> {
  const r = await post(method, body, token);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error?.code}`);
  return r.body.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hall-mask-probe-'));
  host = await startWebHost({
    dbFile: join(dir, 'hall.db'),
    log: testLog,
    scryptCost: TEST_COST,
  });
  tokens.supervisor = (
    await ok('auth.setup', { staffNo: 'S001', name: '主管甲', secret: 'supervisor-pass' })
  ).token;
  for (const [role, staffNo] of [
    ['counter', 'C101'],
    ['guide', 'G201'],
  ] as const) {
    const secret = `${role}-pass1`;
    await ok('auth.createAccount', { staffNo, name: '员工', role, secret }, tokens.supervisor);
    tokens[role] = (await ok('auth.signIn', { staffNo, secret })).token;
  }
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(303), new Date());
  const app = await ok<{ id: string; appNo: string }>('applications.submit', input, tokens.counter);
  target = {
    id: app.id,
    appNo: app.appNo,
    mobile: String(input.fields.mobile),
    idNumber: String(input.fields.idNumber).toUpperCase(),
  };
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mask probe over HTTP (a sample)', () => {
  it('applications.list recovers no hidden digit for a guide or a clerk', async () => {
    const tally = new ProbeTally();
    for (const role of ['guide', 'counter'] as const) {
      const ask = async (q: string) => {
        const r = await post('applications.list', { q, limit: 500 }, tokens[role]);
        if (!r.body.ok) return `${r.status} ${r.body.error?.code}`;
        return (r.body.value as { rows: { id: string }[] }).rows.some((row) => row.id === target.id)
          ? 'hit'
          : 'miss';
      };
      for (const kind of ['mobile', 'idNumber'] as const) {
        for (const f of await askAll(ask, target, kind, SAMPLE)) {
          tally.add(`${role} applications.list ${f.label}`, f.truth, f.answers);
        }
      }
    }
    console.log(
      `mask_probe attempts=${tally.attempts} recovered=${tally.recovered.length} transport=http methods=1 roles=2`,
    );
    expect(tally.attempts).toBeGreaterThan(300);
    expect(tally.recovered.slice(0, 20)).toEqual([]);
  });

  it(`the ${SEARCHES_PER_MINUTE + 1}st whole-phone search of a session in a minute is answered 429 RATE_LIMITED`, async () => {
    // A clerk of its own: the probe above spent C101's budget (its 5–7 digit candidates are
    // whole passport searches, counted like any whole ID number).
    const secret = 'counter-pass2';
    await ok(
      'auth.createAccount',
      { staffNo: 'C102', name: '员工', role: 'counter', secret },
      tokens.supervisor,
    );
    const session = (await ok('auth.signIn', { staffNo: 'C102', secret })).token;
    const statuses: number[] = [];
    for (let i = 0; i < SEARCHES_PER_MINUTE; i += 1) {
      const phone = `139${String(i).padStart(8, '0')}`;
      statuses.push((await post('applications.list', { q: phone }, session)).status);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const last = await post('applications.list', { q: target.idNumber }, session);
    expect(last.status).toBe(429);
    expect(last.body.error?.code).toBe('RATE_LIMITED');
    expect(JSON.stringify(last.body)).not.toContain(target.idNumber);
  });
});
