import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../../../shared/api/methods/complaints';
import { servicesPerTest } from '../testing/harness';

let clock: Date;
const ctx = { transport: 'ipc' as const, actor: 'clerk07' };
// Registered first, so the clock is set before the harness creates the services.
beforeEach(() => {
  clock = new Date('2026-03-02T10:00:00+08:00'); // a Monday
});
const h = servicesPerTest({
  prefix: 'hall-reopen-',
  actor: ctx.actor,
  options: () => ({ now: () => clock }),
});
const call = h.call;

async function answered(): Promise<ComplaintDetail> {
  let c = await call<ComplaintDetail>('complaints.take', {
    kind: 'complaint',
    subject: 'metering',
    channel: 'counter',
    customerName: '王芳',
    mobile: '13812345678',
    content: '电表走字过快，要求校表',
  });
  c = await call('complaints.contact', { id: c.id, version: c.version });
  clock = new Date('2026-03-03T10:00:00+08:00');
  return call('complaints.answer', { id: c.id, version: c.version, answer: '表计误差合格' });
}

describe('a dissatisfied follow-up visit reopens the complaint', () => {
  it('goes back to be answered, with a new answer deadline and every step kept', async () => {
    let c = await answered();
    clock = new Date('2026-03-04T10:00:00+08:00'); // Wednesday
    c = await call('complaints.visit', {
      id: c.id,
      version: c.version,
      result: 'dissatisfied',
      note: '客户仍认为电量偏高',
    });
    expect([c.state, c.nextStep, c.visitResult]).toEqual(['contacted', 'answer', 'dissatisfied']);
    // 5 working days from Wed 03-04: 03-05, 06, 09, 10, 11.
    expect(c.answerDueAt).toBe('2026-03-11T17:30:00.000+08:00');
    expect(c.nextDueAt).toBe(c.answerDueAt);
    expect(c.events.map((e) => e.action)).toEqual(['take', 'contact', 'answer', 'visit', 'reopen']);
    // The answer the customer was not satisfied with stays in the history.
    expect(c.events.at(-1)?.note).toBe('表计误差合格');
    // The loop runs again to the end.
    clock = new Date('2026-03-06T10:00:00+08:00');
    c = await call('complaints.answer', { id: c.id, version: c.version, answer: '已现场校表' });
    c = await call('complaints.visit', { id: c.id, version: c.version, result: 'satisfied' });
    c = await call('complaints.archive', { id: c.id, version: c.version });
    expect(c.state).toBe('archived');
    expect(c.events.map((e) => e.action)).toEqual([
      'take',
      'contact',
      'answer',
      'visit',
      'reopen',
      'answer',
      'visit',
      'archive',
    ]);
  });

  it('a satisfied visit does not reopen', async () => {
    let c = await answered();
    c = await call('complaints.visit', { id: c.id, version: c.version, result: 'satisfied' });
    expect([c.state, c.nextStep]).toEqual(['visited', 'archive']);
  });

  it('a stale version is refused and changes nothing', async () => {
    const c = await answered();
    const res = await h.services.dispatch(
      'complaints.visit',
      { id: c.id, version: c.version - 1, result: 'dissatisfied' },
      ctx,
    );
    expect(res.ok).toBe(false);
    const again = await call<ComplaintDetail>('complaints.get', { id: c.id });
    expect(again.state).toBe('answered');
  });
});
