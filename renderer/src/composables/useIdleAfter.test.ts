// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import { useIdleCountdown } from '../views/kiosk/idle';
import { useIdleAfter } from './useIdleAfter';

const touch = () => window.dispatchEvent(new Event('pointerdown'));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useIdleAfter', () => {
  it('goes idle after the timeout, counts a touch as activity, and restarts when the timeout changes', () => {
    const scope = effectScope();
    const timeout = ref<number | null>(60_000);
    const watch = scope.run(() => useIdleAfter(timeout, { events: ['pointerdown'] }))!;
    vi.advanceTimersByTime(59_000);
    touch();
    vi.advanceTimersByTime(59_000);
    expect(watch.idle.value).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(watch.idle.value).toBe(true);

    // A new timeout (settings arrived) counts from now; null switches the watch off.
    timeout.value = 10_000;
    expect(watch.idle.value).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(watch.idle.value).toBe(true);
    timeout.value = null;
    vi.advanceTimersByTime(3_600_000);
    expect(watch.idle.value).toBe(false);
    scope.stop();
  });
});

describe('the kiosk idle countdown', () => {
  function setup() {
    const scope = effectScope();
    let expired = 0;
    const idle = scope.run(() =>
      useIdleCountdown({
        idleSeconds: () => 90,
        countdownSeconds: () => 15,
        onExpire: () => expired++,
      }),
    )!;
    return { idle, scope, expired: () => expired };
  }

  it('counts down after the idle time, and a touch cancels it without a wipe', () => {
    const { idle, scope, expired } = setup();
    vi.advanceTimersByTime(90_000);
    expect(idle.counting.value).toBe(true);
    expect(idle.remaining.value).toBe(15);
    vi.advanceTimersByTime(5_000);
    expect(idle.remaining.value).toBe(10);
    touch();
    expect(idle.counting.value).toBe(false);
    vi.advanceTimersByTime(89_000);
    expect([idle.counting.value, expired()]).toEqual([false, 0]);
    scope.stop();
  });

  it('wipes once at zero even when the clock jumps past it in one step', () => {
    const { idle, scope, expired } = setup();
    vi.advanceTimersByTime(90_000);
    expect(idle.counting.value).toBe(true);
    // A jumping clock (a sleeping machine, Playwright's fastForward) fires the tick only once.
    vi.setSystemTime(Date.now() + 16_000);
    vi.advanceTimersToNextTimer();
    expect(expired()).toBe(1);
    expect(idle.counting.value).toBe(false);
    // The next customer gets the full idle time again.
    vi.advanceTimersByTime(89_000);
    expect([idle.counting.value, expired()]).toEqual([false, 1]);
    scope.stop();
  });
});
