import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttemptCounter } from './attempts';
import { testLog } from '../../../../tests/support/test-log';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from './testing/services';

const MIN = 60_000;

describe('attempt counter (per typed staff number)', () => {
  it('counts down 4, 3, 2, 1, then locks for 15 minutes, doubling, as the accounts do', () => {
    const c = createAttemptCounter();
    const at = 1_000_000;
    const lefts = [1, 2, 3, 4].map(() => c.failed('C101', at).left);
    expect(lefts).toEqual([4, 3, 2, 1]);
    expect(c.failed('c101', at)).toEqual({ left: 0, lockedUntil: at + 15 * MIN });
    // Failures while locked do not lengthen it.
    expect(c.failed('C101', at + 5 * MIN)).toEqual({ left: 0, lockedUntil: at + 15 * MIN });
    const later = at + 16 * MIN;
    for (let i = 0; i < 4; i++) c.failed('C101', later);
    expect(c.failed('C101', later).lockedUntil).toBe(later + 30 * MIN);
  });

  it('starts again after a good sign-in; an unlock keeps the doubling', () => {
    const c = createAttemptCounter();
    for (let i = 0; i < 5; i++) c.failed('C101', 0);
    c.unlocked('C101');
    expect(c.failed('C101', 1).left).toBe(4);
    for (let i = 0; i < 4; i++) c.failed('C101', 1);
    expect(c.failed('C101', 2).lockedUntil).toBe(1 + 30 * MIN);
    c.succeeded('C101');
    for (let i = 0; i < 4; i++) c.failed('C101', 3);
    expect(c.failed('C101', 3).lockedUntil).toBe(3 + 15 * MIN);
  });

  it('forgets the oldest numbers past its capacity, so typed strings cannot fill memory', () => {
    const c = createAttemptCounter({ capacity: 100 });
    for (let i = 0; i < 1000; i++) c.failed(`X${i}`, 0);
    expect(c.size()).toBe(100);
  });
});

describe('sign-in refusals: attempts left without an account oracle', () => {
  let t: TestServices;
  beforeEach(() => {
    t = startTestServices();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('an existing, an unknown, a locked and a disabled number answer the same sequence', async () => {
    const tokens = await seedStaff(t.services);
    const seq = async (staffNo: string, secret: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await t.services.dispatch('auth.signIn', { staffNo, secret }, ctxFor());
        out.push(r.ok ? 'signed in' : `${r.error.code} ${r.error.message}`);
      }
      return out;
    };
    // G201 is disabled by the supervisor; C101 is locked first by five failures.
    await callOk(
      t.services,
      'auth.setDisabled',
      { staffNo: 'G201', disabled: true },
      tokens.supervisor,
    );
    const wrong = await seq('C101', 'not-the-pass');
    // Now locked: even the right secret is refused, and the count for this typing is its own.
    const unknown = await seq('NOBODY-9', 'not-the-pass');
    const disabled = await seq('G201', 'guide-pass1');
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    expect(wrong[0]).toContain('还可尝试 4 次');
    expect(wrong[3]).toContain('还可尝试 1 次');
    expect(wrong[4]).toContain('已暂时锁定，请 15 分钟后再试');
    expect(wrong[5]).toBe(wrong[4]);
    testLog(
      `attempts_left sequence (same for existing, unknown, disabled): ${wrong.map((w) => /还可尝试 (\d) 次/.exec(w)?.[1] ?? 'locked').join(',')}`,
    );
  });

  it('a good sign-in starts the count again', async () => {
    await seedStaff(t.services);
    await t.services.dispatch('auth.signIn', { staffNo: 'C101', secret: 'wrong-pass-1' }, ctxFor());
    await callOk(t.services, 'auth.signIn', { staffNo: 'c101', secret: 'counter-pass1' });
    const r = await t.services.dispatch(
      'auth.signIn',
      { staffNo: 'C101', secret: 'x-wrong-2' },
      ctxFor(),
    );
    expect(r.ok ? '' : r.error.message).toContain('还可尝试 4 次');
  });
});
