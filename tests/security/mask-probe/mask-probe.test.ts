import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { CATALOGUE } from '../../../shared/catalogue';
import { PROTECTED_LOOKUPS } from '../../../electron/main/services/protected-search';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../../../electron/main/services/auth/testing/services';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../../electron/main/services/testing/fixtures';
import { askAll, type Ask, type Target, type ValueKind } from './probe';
import { ProbeTally } from './tally';

/**
 * The mask probe (issue 10): as a guide and as a clerk, signed in with enforcement on, try to
 * learn one more character of a seeded customer's phone and ID number than the masks show, by
 * every method that looks customers up (the guard's own list), with prefixes, suffixes,
 * wildcards, widths, cases and spacings. Any answer that depends on the hidden character is a
 * recovery.
 */
const ROLES = ['guide', 'counter'] as const;
const SUBJECT = 'billing';
/** Over 60 s / 5: the kiosk's miss throttle (5 a minute per station) never answers a guess. */
const KIOSK_SPACING_MS = 15_100;
/** Over 60 s / 30: the per-session limit on protected searches never answers a guess. */
const SEARCH_SPACING_MS = 2_100;

let t: TestServices;
let clock = Date.parse('2026-11-30T09:00:00+08:00');
const targets: Target[] = [];

const sigOf = (r: ApiResult<unknown>, hit: (value: unknown) => boolean): string => {
  // A lapsed probe session would answer every later guess alike and hide a recovery.
  if (!r.ok && r.error.code === 'UNAUTHENTICATED') throw new Error('mask probe: session lapsed');
  return r.ok ? (hit(r.value) ? 'hit' : 'miss') : r.error.code;
};

const complaintBase = {
  kind: 'complaint',
  subject: SUBJECT,
  channel: 'counter',
  customerName: '王五',
  content: '电费账单有疑问',
} as const;

/** How each guarded method is asked; the probe refuses to run with one missing. */
function askers(session: () => string): Record<string, Ask> {
  const call = (method: MethodName, input: unknown) =>
    t.services.dispatch(method, input, ctxFor(session()));
  return {
    'applications.list': async (q, target) =>
      sigOf(await call('applications.list', { q, limit: 500 }), (v) =>
        (v as { rows: { id: string }[] }).rows.some((row) => row.id === target.id),
      ),
    // The station's miss throttle and the per-session limit would answer every guess alike;
    // a minute passes before each one so the answer depends on the guess alone.
    'kiosk.lookup': async (mobile, target, kind) => {
      if (kind !== 'mobile') return undefined;
      clock += KIOSK_SPACING_MS;
      return sigOf(await call('kiosk.lookup', { appNo: target.appNo, mobile }), () => true);
    },
    // A repeat count above one means an earlier contact matched the guessed ID or phone.
    'complaints.take': async (query, target, kind) => {
      clock += SEARCH_SPACING_MS;
      const input =
        kind === 'mobile'
          ? { ...complaintBase, mobile: query }
          : { ...complaintBase, mobile: '13700000000', idNumber: query };
      return sigOf(
        await call('complaints.take', input),
        (v) => (v as { repeatCount: number }).repeatCount > 1,
      );
    },
    // The customer record (issue 15): found by the whole value, like applications.list.
    // Check-in and cancel take a booking code with the phone. These services have no hall hub,
    // so every guess is answered alike (UNAVAILABLE); the hub's own answers to wrong phones and
    // codes (one "not found", a slow-down after misses) are tried in central/appointments.
    'appointments.checkIn': async (mobile, _target, kind) => {
      if (kind !== 'mobile') return undefined;
      clock += SEARCH_SPACING_MS;
      return sigOf(await call('appointments.checkIn', { code: '123456', mobile }), () => true);
    },
    'appointments.cancel': async (mobile, _target, kind) => {
      if (kind !== 'mobile') return undefined;
      clock += SEARCH_SPACING_MS;
      return sigOf(await call('appointments.cancel', { code: '123456', mobile }), () => true);
    },
    'customers.search': async (q) => {
      clock += SEARCH_SPACING_MS;
      return sigOf(
        await call('customers.search', { q }),
        (v) => (v as { rows: unknown[] }).rows.length > 0,
      );
    },
    'customers.identify': async (query, _target, kind) => {
      if (kind === 'mobile') return undefined;
      clock += SEARCH_SPACING_MS;
      return sigOf(
        await call('customers.identify', { idNumber: query }),
        (v) => (v as { customer: unknown }).customer !== null,
      );
    },
  };
}

beforeAll(async () => {
  t = startTestServices({ now: () => new Date(clock) });
  const tokens = await seedStaff(t.services);
  for (const seed of [101, 202]) {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(seed), new Date(clock));
    const app = await callOk<{ id: string; appNo: string }>(
      t.services,
      'applications.submit',
      input,
      tokens.counter,
    );
    const target: Target = {
      id: app.id,
      appNo: app.appNo,
      mobile: String(input.fields.mobile),
      idNumber: String(input.fields.idNumber).toUpperCase(),
    };
    // An earlier complaint by the same customer, for the repeat-contact look-up to find.
    await callOk(
      t.services,
      'complaints.take',
      { ...complaintBase, mobile: target.mobile, idNumber: target.idNumber },
      tokens.counter,
    );
    targets.push(target);
  }
});
afterAll(async () => {
  await t.cleanup();
});

const signIn = async (role: (typeof ROLES)[number] | 'supervisor'): Promise<string> => {
  const creds = {
    guide: ['G201', 'guide-pass1'],
    counter: ['C101', 'counter-pass1'],
    supervisor: ['S001', 'supervisor-pass'],
  }[role];
  return (
    await callOk<{ token: string }>(t.services, 'auth.signIn', {
      staffNo: creds[0],
      secret: creds[1],
    })
  ).token;
};

describe('mask probe through the dispatcher', () => {
  it('no guess by a guide or a clerk recovers a hidden digit of a phone or ID number', async () => {
    const tally = new ProbeTally();
    for (const role of ROLES) {
      for (const { method } of PROTECTED_LOOKUPS) {
        // A fresh session per method: the idle timeout runs on the probe's clock too.
        const session = await signIn(role);
        const ask = askers(() => session)[method];
        if (!ask) throw new Error(`mask probe: no way to ask ${method}`);
        for (const target of targets) {
          for (const kind of ['mobile', 'idNumber'] as ValueKind[]) {
            for (const f of await askAll(ask, target, kind)) {
              tally.add(`${role} ${method} ${f.label}`, f.truth, f.answers);
            }
          }
        }
      }
    }
    console.log(
      `mask_probe attempts=${tally.attempts} recovered=${tally.recovered.length} transport=dispatcher methods=${PROTECTED_LOOKUPS.length} roles=${ROLES.length}`,
    );
    expect(tally.attempts).toBeGreaterThan(1000);
    expect(tally.recovered.slice(0, 20)).toEqual([]);
  });

  it('the look-ups left audit rows naming the column, never the value', async () => {
    const sup = await signIn('supervisor');
    type Row = { id: number; action: string; target: string; detail?: { method?: string } };
    const rows: Row[] = [];
    for (let beforeId: number | undefined; ;) {
      const page = await callOk<Row[]>(
        t.services,
        'audit.list',
        { limit: 500, ...(beforeId ? { beforeId } : {}) },
        sup,
      );
      rows.push(...page);
      if (page.length < 500) break;
      beforeId = Math.min(...page.map((r) => r.id));
    }
    const searches = rows.filter((r) => r.action === 'search');
    const methods = new Set(searches.map((r) => r.detail?.method));
    expect(methods.has('kiosk.lookup')).toBe(true);
    expect(methods.has('complaints.take')).toBe(true);
    const text = JSON.stringify(rows);
    for (const target of targets) {
      expect(text).not.toContain(target.mobile);
      expect(text).not.toContain(target.idNumber);
    }
  });
});
