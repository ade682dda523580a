import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from './testing/services';

/**
 * Wrong secret, unknown staff number and locked account must be indistinguishable to a caller:
 * the same error, and the same time (each pays exactly one scrypt). The cost here is high enough
 * (N=2^14) that scrypt, not noise, dominates, and low enough to keep the test short.
 */
let t: TestServices;
beforeEach(() => {
  t = startTestServices({ auth: { scryptCost: { log2N: 14, r: 8, p: 1 } } });
});
afterEach(async () => {
  await t.cleanup();
});

const ROUNDS = 8;
// The cases' typical times may differ by at most this factor (a locked account answered ~300×
// faster before; a path paying two scrypts would be 2×).
const TOLERANCE = 1.5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2
    ? (s[Math.floor(mid)] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

describe('sign-in timing', () => {
  it('wrong, unknown and locked answers take the same time and say the same thing', async () => {
    const tokens = await seedStaff(t.services);
    await callOk(
      t.services,
      'auth.createAccount',
      { staffNo: 'L301', name: '锁定', role: 'counter', secret: 'locked-pass1' },
      tokens.supervisor,
    );
    for (let i = 0; i < 5; i++) {
      await t.services.dispatch('auth.signIn', { staffNo: 'L301', secret: 'x-wrong-1' }, ctxFor());
    }
    const cases = {
      // Alternating two accounts keeps each below the five failures that would lock it.
      wrong: (i: number) => ({ staffNo: i % 2 ? 'C101' : 'G201', secret: 'not-the-pass' }),
      unknown: () => ({ staffNo: 'X999', secret: 'not-the-pass' }),
      // Even the right secret: a locked account answers like any refusal.
      locked: () => ({ staffNo: 'L301', secret: 'locked-pass1' }),
    };
    const ms: Record<keyof typeof cases, number[]> = { wrong: [], unknown: [], locked: [] };
    const errors = new Set<string>();
    // Interleaved, with the order rotated each round, so a burst of load elsewhere on the
    // machine (or a warm-up effect) hits every case alike.
    const names = Object.keys(cases) as (keyof typeof cases)[];
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of [...names.slice(i % 3), ...names.slice(0, i % 3)]) {
        const started = performance.now();
        const r = await t.services.dispatch('auth.signIn', cases[name](i), ctxFor());
        ms[name].push(performance.now() - started);
        expect(r.ok).toBe(false);
        if (!r.ok) errors.add(JSON.stringify(r.error));
      }
    }
    const [wrong, unknown, locked] = [median(ms.wrong), median(ms.unknown), median(ms.locked)];
    // Compared within each round (each try against the mean of its round), so load that comes
    // and goes on a shared machine cancels out; the median over rounds drops the odd burst.
    const relative = (name: keyof typeof cases) =>
      median(ms[name].map((x, i) => x / ((ms.wrong[i]! + ms.unknown[i]! + ms.locked[i]!) / 3)));
    const shares = names.map(relative);
    console.log(
      `signin_timing wrong_ms=${wrong.toFixed(1)} unknown_ms=${unknown.toFixed(1)} locked_ms=${locked.toFixed(1)} spread=${(Math.max(...shares) / Math.min(...shares)).toFixed(2)} (median of ${ROUNDS} each, scrypt N=2^14; spread = slowest / fastest case, paired by round)`,
    );
    // The wording counts down per typed staff number (attempts.test.ts checks that an unknown,
    // a locked and a wrong answer run the same sequence); the code and field are one answer.
    const parsed = [...errors].map((e) => JSON.parse(e) as { code: string; field: string });
    expect(new Set(parsed.map((e) => `${e.code} ${e.field}`))).toEqual(
      new Set(['UNAUTHENTICATED secret']),
    );
    expect([...errors].every((e) => e.includes('工号或密码错误'))).toBe(true);
    expect(Math.max(...shares) / Math.min(...shares)).toBeLessThan(TOLERANCE);
  });
});
