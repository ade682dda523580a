import { createOutboxStore } from './sync/outbox-store';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type {
  ApplicationDetail,
  ApplicationInput,
  ListResult,
  Receipt,
} from '../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../shared/catalogue';
import { singleCatalogue } from '../../../shared/catalogue/versions';
import { computeDeadline } from '../../../shared/deadline';
import { ApplicationSubmitPayloadSchema } from '../../../shared/sync/application-payload';
import { createServices, type Services } from './createServices';
import { fakeApplicationInput, householdNewType, rng } from './testing/fixtures';
import { testLog } from '../../../tests/support/test-log';

let dir: string;
let services: Services;
let clock: Date;
let logLines: string[];
const ctx = { transport: 'ipc' as const, actor: 'clerk07' };
const household = householdNewType(CATALOGUE);
const r = rng(11);

// Monday 2 March 2026, 10:00 hall time: a working day, inside working hours.
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-services-'));
  clock = MONDAY_10;
  logLines = [];
  services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(dir, 'hall.db'),
    transport: 'ipc',
    now: () => clock,
    // The newest version on a March date: these tests are about the services, not the switch
    // between catalogue versions (applications/catalogue-versions.test.ts).
    catalogues: singleCatalogue(CATALOGUE),
    log: (line) => {
      logLines.push(line);
      testLog(line);
    },
    validateOutput: true,
  });
});
afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await services.dispatch(method, input, ctx);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}
async function fails(method: string, input: unknown): Promise<ApiErrorBody> {
  const res = await services.dispatch(method, input, ctx);
  if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
  return res.error;
}

const count = (table: string): number =>
  services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const newInput = (): ApplicationInput => fakeApplicationInput(household, r, clock);

describe('the dispatcher through createServices', () => {
  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const error = await fails('applications.delete', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
  });

  it('rejects malformed input with INVALID_INPUT naming the field in Chinese and English', async () => {
    const error = await fails('applications.submit', { ...newInput(), accountKind: 'martian' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('accountKind');
    // Named by its label, as the clerk sees it, never by the key.
    expect(error.message).toContain('用户类别');
    expect(error.message).not.toContain('accountKind');
    expect(error.messageEn).toContain('Account kind');
    expect(count('applications')).toBe(0);
  });

  it('reports system info and the catalogue', async () => {
    const info = await call<{ hallName: string; stationCode: string; catalogueVersion: string }>(
      'system.info',
      {},
    );
    expect(info).toMatchObject({
      hallName: '示范供电营业厅',
      stationCode: 'C01',
      transport: 'ipc',
      catalogueVersion: CATALOGUE.version,
    });
    const catalogue = await call<typeof CATALOGUE>('catalogue.get', {});
    expect(catalogue.types.map((t) => t.code)).toEqual(CATALOGUE.types.map((t) => t.code));
  });

  it('refuses a bad ID number with VALIDATION on fields.idNumber and saves nothing', async () => {
    const input = newInput();
    input.fields.idNumber = '110105194912310021'; // check character should be X
    const error = await fails('applications.submit', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('fields.idNumber');
    expect(error.fieldErrors?.map((e) => e.field)).toContain('fields.idNumber');
    expect(JSON.stringify(error)).not.toContain('110105194912310021');
    const draftError = await fails('applications.saveDraft', input);
    expect(draftError.field).toBe('fields.idNumber');
    for (const table of ['applications', 'application_history', 'outbox', 'app_no_counter']) {
      expect(count(table), table).toBe(0);
    }
  });
});

describe('submit', () => {
  it('writes the application, its history and one outbox row, and reads back masked', async () => {
    const input = newInput();
    const detail = await call<ApplicationDetail>('applications.submit', input);
    expect(detail.state).toBe('queued');
    expect(detail.appNo).toBe('C01202603020001');
    expect(detail.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    expect(detail.acceptedAt).toBe('2026-03-02T10:00:00.000+08:00');
    const due = computeDeadline(MONDAY_10, household.deadline.workingDays);
    expect(Date.parse(detail.deadlineAt as string)).toBe(due.getTime());
    expect(detail.clerk).toBe('clerk07');

    // Sealed at rest; the owner opens it (as the sender does, just before sending).
    const raw = services.db.prepare('SELECT payload FROM outbox').pluck().all() as string[];
    expect(raw.every((p) => p.startsWith('e1.'))).toBe(true);
    const outbox = createOutboxStore(services.db).byState('pending');
    expect(outbox).toHaveLength(1);
    const [row] = outbox;
    expect(row?.application_id).toBe(detail.id);
    expect(row?.kind).toBe('application.submit');
    expect(row?.state).toBe('pending');
    expect(row?.op_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(row?.payload_hash).toBe(
      createHash('sha256')
        .update(row?.payload ?? '')
        .digest('hex'),
    );
    const payload = ApplicationSubmitPayloadSchema.parse(JSON.parse(row?.payload ?? '{}'));
    expect(payload).toMatchObject({
      applicationId: detail.id,
      appNo: detail.appNo,
      acceptedAt: detail.acceptedAt,
      hallCode: 'HALL01',
      stationCode: 'C01',
      clerk: 'clerk07',
    });
    // The central system gets the full values; the screen gets masked ones.
    expect(payload.fields.idNumber).toBe(input.fields.idNumber);
    expect(JSON.stringify(detail)).not.toContain(input.fields.idNumber as string);
    expect(JSON.stringify(detail)).not.toContain(input.fields.mobile as string);
    expect(detail.history.map((h) => h.action)).toEqual(['submit']);
  });

  it('is all or nothing: a failing outbox insert leaves no application, history or number', async () => {
    services.db.exec(`CREATE TRIGGER test_outbox_fails BEFORE INSERT ON outbox
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const input = newInput();
    const error = await fails('applications.submit', input);
    expect(error.code).toBe('INTERNAL');
    for (const table of ['applications', 'application_history', 'outbox', 'app_no_counter']) {
      expect(count(table), table).toBe(0);
    }
    // The log says what failed without the values that were being written.
    const log = logLines.join('\n');
    expect(log).toContain('applications.submit');
    expect(log).not.toContain(input.fields.idNumber as string);
    expect(log).not.toContain(input.fields.mobile as string);
    expect(log).not.toContain('disk trouble');
  });

  it('numbers applications per station per hall day', async () => {
    const a = await call<ApplicationDetail>('applications.submit', newInput());
    const b = await call<ApplicationDetail>('applications.submit', newInput());
    clock = new Date('2026-03-03T00:10:00+08:00'); // just after midnight hall time (16:10 UTC)
    const c = await call<ApplicationDetail>('applications.submit', newInput());
    expect([a.appNo, b.appNo, c.appNo]).toEqual([
      'C01202603020001',
      'C01202603020002',
      'C01202603030001',
    ]);
  });

  it('submits an existing draft under its id and then refuses to change it', async () => {
    const input = newInput();
    const draft = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      fields: { applicantName: input.fields.applicantName },
    });
    expect(draft.state).toBe('draft');
    clock = new Date('2026-03-02T11:00:00+08:00');
    const submitted = await call<ApplicationDetail>('applications.submit', {
      ...input,
      id: draft.id,
      baseVersion: draft.version,
    });
    expect(submitted.id).toBe(draft.id);
    expect(submitted.createdAt).toBe(draft.createdAt);
    expect(submitted.acceptedAt).toBe('2026-03-02T11:00:00.000+08:00');
    expect(submitted.version).toBe(2);
    expect(submitted.history.map((h) => h.action)).toEqual(['draft.create', 'submit']);
    // Other content under a submitted id is refused (the same content is a retry: see below).
    const again = await fails('applications.submit', {
      ...input,
      fields: { ...input.fields, applicantName: '李四' },
      id: draft.id,
      baseVersion: submitted.version,
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.field).toBe('id');
    expect((await fails('applications.saveDraft', { ...input, id: draft.id })).code).toBe(
      'CONFLICT',
    );
    expect((await fails('applications.openDraft', { id: draft.id })).code).toBe('CONFLICT');
    expect(count('outbox')).toBe(1);
  });
});

describe('saveDraft', () => {
  it('is ready when it would pass submit, a draft otherwise', async () => {
    const input = newInput();
    const partial = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      papers: [],
    });
    expect(partial.state).toBe('draft');
    const full = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      id: partial.id,
      baseVersion: partial.version,
    });
    expect(full.state).toBe('ready');
    expect(count('outbox')).toBe(0);
  });

  it('locks optimistically on baseVersion', async () => {
    const input = newInput();
    const v1 = await call<ApplicationDetail>('applications.saveDraft', input);
    await call('applications.saveDraft', { ...input, id: v1.id, baseVersion: 1 });
    const other = { ...input.fields, applicantName: '李四' };
    const stale = await fails('applications.saveDraft', {
      ...input,
      fields: other,
      id: v1.id,
      baseVersion: 1,
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.field).toBe('baseVersion');
    // The same save again (a retry after a lost answer) gets the stored version, not a third.
    const retried = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      id: v1.id,
      baseVersion: 1,
    });
    expect(retried.version).toBe(2);
    const missing = await fails('applications.saveDraft', { ...input, fields: other, id: v1.id });
    expect(missing.code).toBe('CONFLICT');
    const reopened = await call<ApplicationDetail>('applications.openDraft', { id: v1.id });
    expect(reopened.version).toBe(2);
  });

  it('records the changed field keys with masked values in the history', async () => {
    const input = newInput();
    const v1 = await call<ApplicationDetail>('applications.saveDraft', input);
    const newMobile = '13912345678';
    await call('applications.saveDraft', {
      ...input,
      id: v1.id,
      baseVersion: v1.version,
      fields: { ...input.fields, mobile: newMobile },
    });
    const detail = await call<ApplicationDetail>('applications.get', { id: v1.id });
    const update = detail.history[1];
    expect(update?.action).toBe('draft.update');
    expect(update?.actor).toBe('clerk07');
    expect(Object.keys(update?.changes ?? {})).toEqual(['mobile']);
    expect(update?.changes.mobile).toEqual({
      from: `${(input.fields.mobile as string).slice(0, 3)}****${(input.fields.mobile as string).slice(7)}`,
      to: '139****5678',
    });
    const stored = services.db
      .prepare('SELECT group_concat(changes_json) FROM application_history')
      .pluck()
      .get() as string;
    for (const secret of [newMobile, input.fields.mobile, input.fields.idNumber]) {
      expect(stored).not.toContain(secret as string);
    }
  });

  it('gives the full values back only through openDraft', async () => {
    const input = newInput();
    const saved = await call<ApplicationDetail>('applications.saveDraft', input);
    const open = await call<ApplicationDetail>('applications.openDraft', { id: saved.id });
    expect(open.fields.idNumber).toBe(input.fields.idNumber);
    expect(open.fields.mobile).toBe(input.fields.mobile);
    const shown = await call<ApplicationDetail>('applications.get', { id: saved.id });
    expect(shown.fields.idNumber).not.toBe(input.fields.idNumber);
    expect(shown.fields.idNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(shown.fields.address).toMatch(/\*\*\*\*$/);
    expect(JSON.stringify(shown)).not.toContain(
      (input.fields.address as { detail: string }).detail,
    );
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const error = await fails('applications.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('list', () => {
  it('finds by name prefix, whole phone, whole ID number and 户号 prefix, masking personal data', async () => {
    const input = newInput();
    const saved = await call<ApplicationDetail>('applications.submit', input);
    for (let i = 0; i < 5; i++) await call('applications.submit', newInput());
    const name = input.fields.applicantName as string;
    const mobile = input.fields.mobile as string;
    const id = input.fields.idNumber as string;
    for (const q of [name, mobile, id.toLowerCase()]) {
      const res = await call<ListResult>('applications.list', { q });
      expect(
        res.rows.map((row) => row.id),
        q,
      ).toContain(saved.id);
    }
    // A part of a phone or ID number matches nothing: search cannot be walked digit by digit.
    for (const q of [mobile.slice(0, 7), id.slice(0, 10), mobile.slice(1), id.slice(0, 17)]) {
      const res = await call<ListResult>('applications.list', { q });
      expect(
        res.rows.map((row) => row.id),
        q,
      ).not.toContain(saved.id);
    }
    const res = await call<ListResult>('applications.list', { q: mobile });
    expect(JSON.stringify(res)).not.toContain(mobile);
    expect(JSON.stringify(res)).not.toContain(id);
    expect(res.rows[0]?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);

    // 户号 lives on existing-account types: any type with an accountNo field will do.
    const withAccount = CATALOGUE.types.find(
      (t) => t.family === 'change' && t.fields.some((f) => f.key === 'accountNo'),
    );
    if (!withAccount) throw new Error('catalogue has no change type with a 户号 field');
    const change = fakeApplicationInput(withAccount, r, clock);
    const draft = await call<ApplicationDetail>('applications.saveDraft', change);
    const byAccount = await call<ListResult>('applications.list', {
      q: (change.fields.accountNo as string).slice(0, 6),
    });
    expect(byAccount.rows.map((row) => row.id)).toContain(draft.id);
    expect(byAccount.rows.find((row) => row.id === draft.id)?.accountNo).toBe(
      change.fields.accountNo,
    );
  });

  it('filters by state, type and hall-time creation date, newest first', async () => {
    clock = new Date('2026-03-02T23:30:00+08:00'); // 15:30 UTC, still 2 March in the hall
    const late = await call<ApplicationDetail>('applications.saveDraft', newInput());
    clock = new Date('2026-03-03T08:30:00+08:00');
    const next = await call<ApplicationDetail>('applications.submit', newInput());
    const day2 = await call<ListResult>('applications.list', {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(day2.rows.map((row) => row.id)).toEqual([late.id]);
    const both = await call<ListResult>('applications.list', {
      from: '2026-03-02',
      to: '2026-03-03',
    });
    expect(both.rows.map((row) => row.id)).toEqual([next.id, late.id]);
    expect(both.total).toBe(2);
    expect(both.more).toBe(false);
    const queued = await call<ListResult>('applications.list', { state: 'queued' });
    expect(queued.rows.map((row) => row.id)).toEqual([next.id]);
    const otherType = await call<ListResult>('applications.list', { typeCode: 'CHG_CLOSE' });
    expect(otherType.rows).toEqual([]);
  });
});

describe('receipt', () => {
  it('lists papers received and missing (deferred), masked, with the deadline', async () => {
    const biz = findType(CATALOGUE, 'NEW_LV_BIZ');
    if (!biz) throw new Error('catalogue has no NEW_LV_BIZ');
    const input = fakeApplicationInput(biz, r, clock, 'lv_business');
    const deferrable = biz.papers.find(
      (p) => p.deferrable && input.papers.some((e) => e.code === p.code),
    );
    if (!deferrable) throw new Error('NEW_LV_BIZ has no deferrable paper');
    input.papers = input.papers.map((e) =>
      e.code === deferrable.code ? { ...e, status: 'missing_accepted' as const } : e,
    );
    const saved = await call<ApplicationDetail>('applications.submit', input);
    const receipt = await call<Receipt>('applications.receipt', { id: saved.id });
    expect(receipt.appNo).toBe(saved.appNo);
    expect(receipt.typeName).toEqual(biz.name);
    expect(receipt.papersMissing).toEqual([{ name: deferrable.name, deferred: true }]);
    expect(receipt.papersReceived).toHaveLength(input.papers.length - 1);
    expect(receipt.deadlineAt).toBe(saved.deadlineAt);
    expect(receipt.deadlineWorkingDays).toBe(biz.deadline.workingDays);
    expect(receipt.hallName).toBe('示范供电营业厅');
    expect(receipt.idMasked).toMatch(/\*/);
    expect(receipt.addressMasked).toMatch(/\*\*\*\*$/);
    const text = JSON.stringify(receipt);
    for (const secret of [input.fields.idNumber, input.fields.mobile, input.fields.creditCode]) {
      expect(text).not.toContain(secret as string);
    }
  });

  it('is refused for a draft', async () => {
    const draft = await call<ApplicationDetail>('applications.saveDraft', newInput());
    expect((await fails('applications.receipt', { id: draft.id })).code).toBe('CONFLICT');
  });
});
