import { describe, expect, it } from 'vitest';
import { testLog } from '../../../../tests/support/test-log';
import {
  createMissBudget,
  MISS_WINDOW_MS,
  STATION_MAX_MISSES,
  VISIT_MAX_MISSES,
} from './lookup-misses';

const visit = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('kiosk look-up misses: per visit, under a station ceiling', () => {
  it("one customer's five misses make that visit wait, and say how long; the next visit is not held", () => {
    let clock = 1_000_000;
    const budget = createMissBudget(() => clock);
    for (let i = 0; i < VISIT_MAX_MISSES; i++) {
      expect(budget.waitSeconds(visit(1))).toBe(0);
      budget.miss(visit(1));
      clock += 2_000;
    }
    // The first miss was 10 s ago: it leaves the window in 50 s.
    expect(budget.waitSeconds(visit(1))).toBe(50);
    expect(budget.waitSeconds(visit(2))).toBe(0);
    clock += 50_000;
    expect(budget.waitSeconds(visit(1))).toBe(0);
  });

  it('calls without a visit share one visit budget (the rule before visits)', () => {
    const budget = createMissBudget(() => 0);
    for (let i = 0; i < VISIT_MAX_MISSES; i++) budget.miss(undefined);
    expect(budget.waitSeconds(undefined)).toBe(60);
  });

  it('made-up visit ids cannot pass the station ceiling', () => {
    let clock = 0;
    const budget = createMissBudget(() => clock);
    let tried = 0;
    // An attacker with a fresh visit for every try, one try a second for two minutes.
    for (let s = 0; s < 120; s++, clock += 1000) {
      if (budget.waitSeconds(visit(s)) > 0) continue;
      budget.miss(visit(s));
      tried++;
    }
    testLog(
      `kiosk look-up guesses let through in 120 s with a new visit per try: ${tried} (ceiling ${STATION_MAX_MISSES} a minute)`,
    );
    expect(tried).toBeLessThanOrEqual(2 * STATION_MAX_MISSES);
    expect(MISS_WINDOW_MS).toBe(60_000);
  });
});
