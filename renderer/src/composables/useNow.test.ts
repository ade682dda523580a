// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { NOW_TICK_MS, useNow } from './useNow';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-30T10:00:00+08:00'));
});
afterEach(() => vi.useRealTimers());

describe('useNow', () => {
  it('gives every caller at the default tick one clock with one timer, stopped with the last', () => {
    const a = effectScope();
    const b = effectScope();
    const nowA = a.run(() => useNow())!;
    const nowB = b.run(() => useNow())!;
    expect(nowB).toBe(nowA);
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(NOW_TICK_MS);
    expect(nowA.value.toISOString()).toBe('2026-11-30T02:00:30.000Z');
    a.stop();
    vi.advanceTimersByTime(NOW_TICK_MS);
    // Still ticking for b.
    expect(nowB.value.toISOString()).toBe('2026-11-30T02:01:00.000Z');
    b.stop();
    expect(vi.getTimerCount()).toBe(0);

    // A later caller starts a fresh clock.
    const c = effectScope();
    const nowC = c.run(() => useNow())!;
    expect(nowC).not.toBe(nowA);
    expect(vi.getTimerCount()).toBe(1);
    c.stop();
  });

  it('gives a caller with its own tick its own clock', () => {
    const a = effectScope();
    const shared = a.run(() => useNow())!;
    const fast = a.run(() => useNow(15_000))!;
    expect(fast).not.toBe(shared);
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(15_000);
    expect(fast.value.toISOString()).toBe('2026-11-30T02:00:15.000Z');
    expect(shared.value.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    a.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
