import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { ApiErrorBodySchema, type ApiResult } from '../../shared/api/errors';
import { startCentral, type CentralHandle } from '../../central/server';
import { SESSION_HEADER } from '../../shared/auth/session-transport';
import type { StationRole } from '../../shared/auth/schemas';
import { TEST_COST } from '../../electron/main/services/auth/testing/services';
import { MAX_BODY_BYTES } from '../../electron/webhost/app';
import { MAX_JSON_DEPTH, TOO_DEEP_TEXT } from '../../server-common/http/json-depth';
import { startWebHost, type WebHost } from '../../electron/webhost/server';
import { testLog } from '../support/test-log';
import { statusOverSocket } from '../support/raw-status';
import {
  startFakeIdReader,
  type FakeIdReader,
} from '../../electron/main/services/id-reader/fake-reader';
import { badPayloads, shapeKeys } from './payloads';

/**
 * Every role against every method of a real web host: random bodies, bodies over the byte limit
 * (declared, and streamed without a length), nesting one level over the limit and 100k levels
 * deep (400 with the limit named, before the gate or zod), nesting at the limit (never refused
 * for depth) and wrong media types. Each answer must be a typed envelope, never a 5xx,
 * and the host must still answer afterwards.
 */
const RANDOM_PER_METHOD = Number(process.env.FUZZ_HTTP_ROLE ?? 2);
const NESTING = 100_000;
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''];

type Caller = 'counter' | 'guide' | 'supervisor' | 'unsigned' | 'kiosk' | 'display';
const CALLERS: Caller[] = ['counter', 'guide', 'supervisor', 'unsigned', 'kiosk', 'display'];
// Signing out or changing the secret would end the session the rest of the walk uses: last.
const LAST = new Set<MethodName>(['auth.changeSecret', 'auth.signOut']);
const ORDERED = [...METHOD_NAMES.filter((m) => !LAST.has(m)), ...LAST];

interface Answer {
  status: number;
  body: unknown;
}

const tally = { requests: 0, serverErrors: 0, problems: [] as string[] };

/** A typed envelope: `{ok: true, value}` or `{ok: false, error}` with a known error body. */
function record(where: string, answer: Answer, expectStatus?: number[]): void {
  tally.requests += 1;
  if (answer.status >= 500) tally.serverErrors += 1;
  const r = answer.body as ApiResult<unknown> | undefined;
  let problem: string | null = null;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') problem = 'not an envelope';
  else if (!r.ok && !ApiErrorBodySchema.safeParse(r.error).success) problem = 'untyped error';
  else if (!r.ok && r.error.code === 'INTERNAL') problem = 'INTERNAL';
  if (answer.status >= 500) problem = `HTTP ${answer.status} ${r && !r.ok ? r.error.code : ''}`;
  else if (expectStatus && !expectStatus.includes(answer.status)) {
    problem = `HTTP ${answer.status}, expected ${expectStatus.join('/')}`;
  }
  if (problem) tally.problems.push(`${where}: ${problem}`);
}

let central: CentralHandle;
// The counter's card reader answers too, so reading a card is an answer, not a 503.
let idReader: FakeIdReader;
let centralDir = '';
const hosts: Partial<Record<StationRole, WebHost>> = {};
const tokens: Partial<Record<Caller, string>> = {};
const dirs: string[] = [];

const hostOf = (caller: Caller): WebHost =>
  hosts[caller === 'kiosk' || caller === 'display' ? caller : 'staff']!;

async function post(
  caller: Caller,
  method: string,
  body: string,
  type = 'application/json',
): Promise<Answer> {
  const token = tokens[caller];
  const res = await fetch(`${hostOf(caller).url}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: {
      ...(type ? { 'content-type': type } : {}),
      ...(token ? { [SESSION_HEADER]: token } : {}),
    },
    body,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: undefined };
  }
}

/** Headers only, announcing a body over the limit that never comes: the answer must not wait. */
function postOversizeHeaders(caller: Caller, method: string): Promise<Answer> {
  const token = tokens[caller];
  return new Promise((resolve, reject) => {
    const req = request(`${hostOf(caller).url}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(MAX_BODY_BYTES + 1),
        ...(token ? { [SESSION_HEADER]: token } : {}),
      },
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer before the body')));
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        req.destroy();
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: undefined });
        }
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

async function signIn(host: WebHost, staffNo: string, secret: string): Promise<string> {
  const res = await fetch(`${host.url}/api/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffNo, secret }),
  });
  return ((await res.json()) as { value: { token: string } }).value.token;
}

beforeAll(async () => {
  // With the hall's central system up, queue methods answer; without it they would say 503.
  centralDir = mkdtempSync(join(tmpdir(), 'hall-fuzz-roles-central-'));
  central = await startCentral({
    dbFile: join(centralDir, 'central.db'),
    allowDevelopmentSecret: true, // demo trust: the stations enrol with the development secret
  });
  idReader = await startFakeIdReader();
  for (const stationRole of ['staff', 'kiosk', 'display'] as const) {
    const dir = mkdtempSync(join(tmpdir(), `hall-fuzz-roles-${stationRole}-`));
    dirs.push(dir);
    hosts[stationRole] = await startWebHost({
      dbFile: join(dir, 'hall.db'),
      log: testLog,
      scryptCost: TEST_COST,
      stationRole,
      centralUrl: central.url,
      idReaderUrl: idReader.url,
      demo: true,
      stationCode: { staff: 'C01', kiosk: 'K01', display: 'D01' }[stationRole],
    });
  }
  const staff = hosts.staff!;
  const setup = await fetch(`${staff.url}/api/auth.setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffNo: 'S001', name: '主管', secret: 'fuzz-supervisor' }),
  });
  tokens.supervisor = ((await setup.json()) as { value: { token: string } }).value.token;
  for (const [role, staffNo] of [
    ['counter', 'C101'],
    ['guide', 'G201'],
  ] as const) {
    await post(
      'supervisor',
      'auth.createAccount',
      JSON.stringify({
        staffNo,
        name: role === 'counter' ? '柜员' : '引导',
        role,
        secret: `${role}-fuzz-1`,
      }),
    );
    tokens[role] = await signIn(staff, staffNo, `${role}-fuzz-1`);
  }
}, 60_000);

afterAll(async () => {
  for (const [i, host] of Object.values(hosts).entries()) {
    await host.close();
    const db = new BetterSqlite3(join(dirs[i]!, 'hall.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }
  await central.close();
  await idReader.close();
  for (const dir of [...dirs, centralDir]) rmSync(dir, { recursive: true, force: true });
});

/** `[[[…]]]` or `{"key":{"key":…}}`, `levels` deep, under one of the method's own keys. */
function nested(method: MethodName, asArray: boolean, levels = NESTING): string {
  if (asArray) return '['.repeat(levels) + ']'.repeat(levels);
  const key = JSON.stringify(shapeKeys(contract[method].input as never)[0] ?? 'x');
  return `{${key}:` + '{"x":'.repeat(levels - 1) + '1' + '}'.repeat(levels);
}

const refusedForDepth = (a: Answer): boolean => {
  const r = a.body as ApiResult<unknown> | undefined;
  return !!r && !r.ok && r.error.code === 'INVALID_INPUT' && r.error.messageEn === TOO_DEEP_TEXT.en;
};

/**
 * A body over the limit streamed in chunks, no length declared: the host must stop reading and
 * answer 413.
 */
function postChunkedOverLimit(caller: Caller, method: string): Promise<number> {
  const host = hostOf(caller);
  const token = tokens[caller];
  return statusOverSocket({
    port: Number(new URL(host.url).port),
    head:
      `POST /api/${method} HTTP/1.1\r\nHost: ${new URL(host.url).host}\r\n` +
      'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n' +
      (token ? `${SESSION_HEADER}: ${token}\r\n` : ''),
    chunks: { text: '['.repeat(1) + ' '.repeat(64 * 1024 - 1), upTo: MAX_BODY_BYTES * 2 },
  });
}

describe('fuzz over HTTP with every role', () => {
  it('answers random, oversized, deeply nested and mistyped bodies with typed errors', async () => {
    for (const [c, caller] of CALLERS.entries()) {
      for (const [i, method] of ORDERED.entries()) {
        const where = `${caller} ${method}`;
        const payloads = fc.sample(badPayloads(shapeKeys(contract[method].input as never)), {
          numRuns: RANDOM_PER_METHOD,
          seed: 9000 + 100 * c + i,
        });
        for (const payload of payloads) {
          record(`${where} random`, await post(caller, method, JSON.stringify(payload ?? null)));
        }
        record(`${where} over the limit`, await postOversizeHeaders(caller, method), [413]);
        const type = WRONG_TYPES[(c + i) % WRONG_TYPES.length]!;
        record(`${where} type "${type}"`, await post(caller, method, '{}', type), [415]);
        // Nesting is checked on the raw text before the gate and zod: one level over the limit
        // and 100k levels are 400 naming the limit, for every role; at the limit it is not.
        const asArray = (c + i) % 2 === 0;
        const over = await post(caller, method, nested(method, asArray, MAX_JSON_DEPTH + 1));
        record(`${where} nested ${MAX_JSON_DEPTH + 1}`, over, [400]);
        if (!refusedForDepth(over)) tally.problems.push(`${where}: over-deep body not refused`);
        const atLimit = await post(caller, method, nested(method, asArray, MAX_JSON_DEPTH));
        record(`${where} nested ${MAX_JSON_DEPTH}`, atLimit);
        if (refusedForDepth(atLimit)) tally.problems.push(`${where}: refused at the depth limit`);
        // Each method gets one 100k-level body, from a different caller in turn (they are big).
        if ((c + i) % CALLERS.length === 0) {
          const deep = await post(caller, method, nested(method, !asArray));
          record(`${where} nested ${NESTING}`, deep, [400]);
          if (!refusedForDepth(deep)) tally.problems.push(`${where}: 100k-deep body not refused`);
        }
      }
    }
    // A body over the limit with no declared length, streamed: 413 for every caller.
    for (const caller of CALLERS) {
      const status = await postChunkedOverLimit(caller, 'applications.list');
      tally.requests += 1;
      if (status !== 413) tally.problems.push(`${caller} streamed over the limit: HTTP ${status}`);
    }
    // Still up, and still answering as before.
    for (const caller of CALLERS) {
      const after = await post(caller, 'auth.status', '{}');
      record(`${caller} after`, after, [200]);
    }
    console.log(
      `fuzz_http roles=${CALLERS.length} methods=${METHOD_NAMES.length} requests=${tally.requests} 5xx=${tally.serverErrors}`,
    );
    expect(tally.problems.slice(0, 30)).toEqual([]);
    expect(tally.serverErrors).toBe(0);
    expect(tally.requests).toBeGreaterThanOrEqual(CALLERS.length * METHOD_NAMES.length * 4);
  }, 180_000);
});
