import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import type {
  ComplaintDetail,
  ComplaintSummary,
  RepeatInfo,
  RepeatRow,
} from '../../../../shared/api/methods/complaints';
import type { ApplicationDetail } from '../../../../shared/api/schemas';
import { CATALOGUE, findType } from '../../../../shared/catalogue';
import { createServices, type Services } from '../createServices';
import { fakeApplicationInput, fakeIdNumber, rng } from '../testing/fixtures';
import { testLog } from '../../../../tests/support/test-log';

let dir: string;
let services: Services;
let clock: Date;
let logLines: string[];
const ctx = { transport: 'ipc' as const, actor: 'clerk07' };
const sup = { transport: 'ipc' as const, actor: 'sup01' };

// Tuesday 29 September 2026, 10:00: National Day (10-01..07) and a make-up Saturday (10-10)
// lie inside the 5 working days.
const TUE = new Date('2026-09-29T10:00:00+08:00');
const ID = '11010519491231002X';
const PHONE = '13812345678';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-complaints-'));
  clock = TUE;
  logLines = [];
  services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(dir, 'hall.db'),
    transport: 'ipc',
    now: () => clock,
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

async function call<T>(method: string, input: unknown, c = ctx): Promise<T> {
  const res = await services.dispatch(method, input, c);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}
async function fails(method: string, input: unknown): Promise<ApiErrorBody> {
  const res = await services.dispatch(method, input, ctx);
  if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
  return res.error;
}

const take = (over: Record<string, unknown> = {}) =>
  call<ComplaintDetail>('complaints.take', {
    kind: 'complaint',
    subject: 'billing',
    channel: 'counter',
    customerName: '王芳',
    idNumber: ID,
    mobile: PHONE,
    content: '九月电费比往月高出一倍，要求核查表计',
    ...over,
  });

describe('the complaint loop', () => {
  it('takes a complaint with its deadlines: contact in 24 h, answer in 5 working days', async () => {
    const c = await take();
    expect(c.complaintNo).toBe('TS202609290001');
    expect(c.state).toBe('taken');
    expect(c.contactDueAt).toBe('2026-09-30T10:00:00.000+08:00');
    // 09-30, then 10-08, 10-09, 10-10 (make-up Saturday), 10-12: the 5th working day.
    expect(c.answerDueAt).toBe('2026-10-12T17:30:00.000+08:00');
    expect(c.nextDueAt).toBe(c.contactDueAt);
    expect(c.nextStep).toBe('contact');
    expect(c.ruleVersion).toBe('2026.1');
    // Masked on the way out; the name stays readable.
    expect(c.phoneMasked).toBe('138****5678');
    expect(c.idMasked).toBe('110***********002X');
    expect(JSON.stringify(c)).not.toContain(PHONE);
    expect(JSON.stringify(c)).not.toContain(ID);
    expect(c.events).toEqual([
      { at: '2026-09-29T10:00:00.000+08:00', actor: 'clerk07', action: 'take', note: '' },
    ]);
  });

  it('masks phone and ID numbers typed into the free text before any answer leaves the service', async () => {
    const other = '13912345670';
    const taken = await take({ content: `柜台态度不好，回电 ${other}，证件 ${ID}` });
    let c = await call<ComplaintDetail>('complaints.get', { id: taken.id });
    clock = new Date('2026-09-29T15:00:00+08:00');
    c = await call('complaints.contact', { id: c.id, version: c.version, note: `已拨 ${other}` });
    c = await call('complaints.answer', {
      id: c.id,
      version: c.version,
      answer: `请拨 ${other} 预约上门`,
    });
    for (const answer of [taken, c, await call<ComplaintDetail>('complaints.get', { id: c.id })]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(other);
      expect(text).not.toContain(ID);
    }
    expect(c.content).toContain('139****5670');
    expect(c.answer).toContain('139****5670');
    expect(c.events.find((e) => e.action === 'contact')?.note).toBe('已拨 139****5670');
  });

  it('runs every step with who and when, then archives', async () => {
    let c = await take();
    clock = new Date('2026-09-29T11:00:00+08:00');
    c = await call(
      'complaints.dispatch',
      { id: c.id, version: c.version, assignee: '计量班' },
      sup,
    );
    expect([c.state, c.assignee, c.dispatchedAt]).toEqual([
      'dispatched',
      '计量班',
      '2026-09-29T11:00:00.000+08:00',
    ]);
    clock = new Date('2026-09-29T15:00:00+08:00');
    c = await call('complaints.contact', { id: c.id, version: c.version, note: '已电话联系客户' });
    expect(c.contactInTime).toBe(true);
    expect(c.nextStep).toBe('answer');
    expect(c.nextDueAt).toBe(c.answerDueAt);
    clock = new Date('2026-10-13T09:00:00+08:00'); // a day after the answer deadline
    c = await call('complaints.answer', {
      id: c.id,
      version: c.version,
      answer: '表计正常，系抄表周期调整',
    });
    expect(c.answerInTime).toBe(false);
    // Visit: 5 working days after the answer (10-13): 10-14 … 10-20.
    expect(c.visitDueAt).toBe('2026-10-20T17:30:00.000+08:00');
    clock = new Date('2026-10-14T10:00:00+08:00');
    c = await call('complaints.visit', {
      id: c.id,
      version: c.version,
      result: 'basically_satisfied',
    });
    expect([c.visitResult, c.visitInTime, c.nextStep]).toEqual([
      'basically_satisfied',
      true,
      'archive',
    ]);
    c = await call('complaints.archive', { id: c.id, version: c.version }, sup);
    expect([c.state, c.nextDueAt, c.nextStep]).toEqual(['archived', null, null]);
    expect(c.events.map((e) => [e.action, e.actor])).toEqual([
      ['take', 'clerk07'],
      ['dispatch', 'sup01'],
      ['contact', 'clerk07'],
      ['answer', 'clerk07'],
      ['visit', 'clerk07'],
      ['archive', 'sup01'],
    ]);
    expect(c.events[2]?.note).toBe('已电话联系客户');
  });

  it('refuses steps out of order and stale versions, and keeps the step log append-only', async () => {
    const c = await take();
    expect(
      (await fails('complaints.answer', { id: c.id, version: 1, answer: '答复内容' })).code,
    ).toBe('CONFLICT');
    expect((await fails('complaints.archive', { id: c.id, version: 1 })).code).toBe('CONFLICT');
    await call('complaints.contact', { id: c.id, version: 1 });
    const stale = await fails('complaints.answer', { id: c.id, version: 1, answer: '答复内容' });
    expect([stale.code, stale.field]).toEqual(['CONFLICT', 'version']);
    expect(() => services.db.prepare('DELETE FROM complaint_events').run()).toThrow(/append-only/);
    expect(() => services.db.prepare("UPDATE complaint_events SET actor = 'x'").run()).toThrow(
      /append-only/,
    );
  });

  it('names the field of a bad phone or ID and never echoes the value', async () => {
    const bad = await fails('complaints.take', {
      kind: 'request',
      subject: 'other',
      channel: 'phone',
      customerName: '王芳',
      mobile: '12345',
      content: '请求上门服务',
    });
    expect([bad.code, bad.field]).toEqual(['VALIDATION', 'mobile']);
    expect(JSON.stringify(bad)).not.toContain('12345');
    const badId = await fails('complaints.take', {
      kind: 'request',
      subject: 'other',
      channel: 'phone',
      customerName: '王芳',
      mobile: PHONE,
      idNumber: '110105194912310021',
      content: '请求上门服务',
    });
    expect(badId.field).toBe('idNumber');
    expect(JSON.stringify(badId)).not.toContain('110105194912310021');
  });

  it('lists by warning level computed from the step deadline', async () => {
    const a = await take();
    clock = new Date('2026-09-29T12:00:00+08:00');
    const b = await take({ subject: 'outage', mobile: '13900001111', idNumber: undefined });
    await call('complaints.contact', { id: b.id, version: 1 });
    // 09-30 09:00: a's contact is due today (orange); b's answer (10-12) is far off.
    clock = new Date('2026-09-30T09:00:00+08:00');
    const orange = await call<{ rows: ComplaintSummary[] }>('complaints.list', {
      warning: 'orange',
    });
    expect(orange.rows.map((r) => r.id)).toEqual([a.id]);
    const none = await call<{ rows: ComplaintSummary[] }>('complaints.list', { warning: 'none' });
    expect(none.rows.map((r) => r.id)).toEqual([b.id]);
    clock = new Date('2026-09-30T10:00:01+08:00');
    const red = await call<{ rows: ComplaintSummary[] }>('complaints.list', { warning: 'red' });
    expect(red.rows.map((r) => r.id)).toEqual([a.id]);
    const due = await call<{ rows: ComplaintSummary[] }>('complaints.list', { sort: 'due' });
    expect(due.rows.map((r) => r.id)).toEqual([a.id, b.id]);
  });
});

describe('repeat contacts', () => {
  it('second time on the same subject is orange, third is red and reaches the supervisor', async () => {
    const first = await take();
    clock = new Date('2026-10-09T10:00:00+08:00');
    // Same phone, no ID given this time: still the same customer.
    const second = await take({ idNumber: undefined });
    // Same customer, another subject: a new matter.
    const other = await take({ subject: 'outage' });
    clock = new Date('2026-10-12T10:00:00+08:00');
    const third = await take();
    // Same ID, new phone: matches the first and third by ID (the second had only the phone).
    const fourth = await take({ mobile: '13700000000' });
    expect(
      [first, second, other, third, fourth].map((c) => [c.repeatCount, c.repeatLevel]),
    ).toEqual([
      [1, 'none'],
      [2, 'orange'],
      [1, 'none'],
      [3, 'red'],
      [3, 'red'],
    ]);
    const reds = await call<{ rows: ComplaintSummary[] }>('complaints.list', { repeat: 'red' });
    expect(reds.rows.map((r) => r.id).sort()).toEqual([third.id, fourth.id].sort());
    const list = await call<RepeatRow[]>('repeats.list', { level: 'orange' }, sup);
    const byId = list.find((r) => r.by === 'id' && r.kind === 'complaint');
    expect(byId).toMatchObject({ count: 3, level: 'red', matter: 'billing', customerName: '王芳' });
    expect([third.id, fourth.id]).toContain(byId?.lastId);
    const byPhone = list.find((r) => r.by === 'phone' && r.kind === 'complaint');
    expect(byPhone).toMatchObject({ count: 3, customerMasked: '138****5678', lastId: third.id });
    // The other subject has one contact only: not listed.
    expect(list.filter((r) => r.matter === 'outage')).toEqual([]);
    expect(JSON.stringify(list)).not.toContain(ID);
    expect(JSON.stringify(list)).not.toContain(PHONE);
  });

  it('counts applications of one family by the same customer, within the window', async () => {
    const type = findType(CATALOGUE, 'NEW_LV_RES')!;
    const r = rng(5);
    const submitOne = async (at: string, over: Record<string, unknown> = {}) => {
      clock = new Date(at);
      const input = fakeApplicationInput(type, r, clock);
      input.fields = { ...input.fields, idNumber: ID, mobile: PHONE, ...over };
      return call<ApplicationDetail>('applications.submit', input);
    };
    const stranger = await submitOne('2026-09-20T10:00:00+08:00', {
      idNumber: fakeIdNumber(r),
      mobile: '13600000000',
    });
    const old = await submitOne('2025-06-02T10:00:00+08:00'); // outside the 365-day window
    const a = await submitOne('2026-09-01T10:00:00+08:00');
    const b = await submitOne('2026-09-15T10:00:00+08:00', { mobile: '13900001111' });
    const c = await submitOne('2026-09-29T10:00:00+08:00', { mobile: '13700000000' });
    const info = (id: string) => call<RepeatInfo>('repeats.forApplication', { id });
    expect((await info(old.id)).count).toBe(1);
    expect((await info(stranger.id)).count).toBe(1);
    expect(await info(a.id)).toMatchObject({ count: 1, level: 'none' });
    expect(await info(b.id)).toMatchObject({ count: 2, level: 'orange' });
    const third = await info(c.id);
    expect(third).toMatchObject({ count: 3, level: 'red', windowDays: 365 });
    expect(third.others.map((o) => o.id)).toEqual([b.id, a.id]);
  });
});
