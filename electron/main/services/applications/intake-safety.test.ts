import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import type { ApplicationDetail, ApplicationInput } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../auth/testing/services';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';

// Monday 2 March 2026, 10:00 hall time: a working day, inside working hours.
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const household = householdNewType(CATALOGUE);
const r = rng(29);

let t: TestServices;
let tokens: Record<'supervisor' | 'counter' | 'guide', string>;

beforeEach(async () => {
  // Role enforcement on (the default): every call below goes through the gate as a signed-in clerk.
  t = startTestServices({ now: () => MONDAY_10 });
  tokens = await seedStaff(t.services);
});
afterEach(async () => t.cleanup());

const newInput = (): ApplicationInput => fakeApplicationInput(household, r, MONDAY_10);
const count = (table: string): number =>
  t.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function fails(method: string, input: unknown, token: string): Promise<ApiErrorBody> {
  const res = await t.services.dispatch(method, input, ctxFor(token));
  if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
  return res.error;
}

describe('a retried submit (the form sends its client id from the moment it opens)', () => {
  it('after a lost answer, the same id and content get the first result: one application, one outbox row', async () => {
    const input = { ...newInput(), id: uuidv7() };
    const first = await callOk<ApplicationDetail>(
      t.services,
      'applications.submit',
      input,
      tokens.counter,
    );
    // The answer never reached the form; it sends the very same request again.
    const retried = await callOk<ApplicationDetail>(
      t.services,
      'applications.submit',
      input,
      tokens.counter,
    );
    expect(retried.id).toBe(input.id);
    expect(retried.appNo).toBe(first.appNo);
    expect(retried.version).toBe(first.version);
    expect([count('applications'), count('outbox'), count('app_no_counter')]).toEqual([1, 1, 1]);
  });

  it('a draft saved under the client id, then submitted twice: still one application and one outbox row', async () => {
    const input = { ...newInput(), id: uuidv7() };
    const draft = await callOk<ApplicationDetail>(
      t.services,
      'applications.saveDraft',
      input,
      tokens.counter,
    );
    const submit = { ...input, baseVersion: draft.version };
    const first = await callOk<ApplicationDetail>(
      t.services,
      'applications.submit',
      submit,
      tokens.counter,
    );
    const again = await callOk<ApplicationDetail>(
      t.services,
      'applications.submit',
      submit,
      tokens.counter,
    );
    expect(again.appNo).toBe(first.appNo);
    expect([count('applications'), count('outbox')]).toEqual([1, 1]);
  });

  it('the same id with different content is a clear conflict, and nothing more is written', async () => {
    const input = { ...newInput(), id: uuidv7() };
    await callOk(t.services, 'applications.submit', input, tokens.counter);
    const other = { ...input, fields: { ...input.fields, applicantName: '王五' } };
    const error = await fails('applications.submit', other, tokens.counter);
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('id');
    expect(error.message).toContain('内容不同');
    expect(error.messageEn).toContain('different content');
    expect([count('applications'), count('outbox')]).toEqual([1, 1]);
  });
});

describe('ticketId must name a ticket this station knows', () => {
  it('an unknown ticket is a field error in Chinese and English, and nothing is saved', async () => {
    const input = { ...newInput(), ticketId: uuidv7() };
    for (const method of ['applications.saveDraft', 'applications.submit']) {
      const error = await fails(method, input, tokens.counter);
      expect(error.code).toBe('VALIDATION');
      expect(error.field).toBe('ticketId');
      expect(error.fieldErrors?.map((e) => e.field)).toEqual(['ticketId']);
      expect(error.message).toMatch(/排队号/);
      expect(error.messageEn).toMatch(/ticket/);
    }
    expect([count('applications'), count('outbox'), count('application_history')]).toEqual([
      0, 0, 0,
    ]);
  });

  it('a ticket the station issued is accepted and linked', async () => {
    // No central system here: the guide's ticket is issued offline, by this station.
    const ticket = await callOk<{ id: string }>(
      t.services,
      'queue.issue',
      { serviceCode: 'NEW', priority: 'normal' },
      tokens.guide,
    );
    const detail = await callOk<ApplicationDetail>(
      t.services,
      'applications.submit',
      { ...newInput(), ticketId: ticket.id },
      tokens.counter,
    );
    expect(detail.ticketId).toBe(ticket.id);
  });
});

describe('applications.openDraft', () => {
  it('opens for the clerk who saved the draft and for a supervisor; another clerk is FORBIDDEN', async () => {
    const draft = await callOk<ApplicationDetail>(
      t.services,
      'applications.saveDraft',
      newInput(),
      tokens.counter,
    );
    await callOk(
      t.services,
      'auth.createAccount',
      { staffNo: 'C102', name: '柜员丁', role: 'counter', secret: 'counter-pass2' },
      tokens.supervisor,
    );
    const other = await callOk<{ token: string }>(t.services, 'auth.signIn', {
      staffNo: 'C102',
      secret: 'counter-pass2',
    });
    const audits = () => count('audit_log');
    const before = audits();
    const refused = await fails('applications.openDraft', { id: draft.id }, other.token);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    // Refused: no reveal happened, so no reveal is audited.
    expect(audits()).toBe(before);
    const own = await callOk<ApplicationDetail>(
      t.services,
      'applications.openDraft',
      { id: draft.id },
      tokens.counter,
    );
    expect(own.id).toBe(draft.id);
    const sup = await callOk<ApplicationDetail>(
      t.services,
      'applications.openDraft',
      { id: draft.id },
      tokens.supervisor,
    );
    expect(sup.id).toBe(draft.id);
    expect(audits()).toBe(before + 2);
  });
});
