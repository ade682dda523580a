import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from './when-quiet';

const OPTIONS = { quietMs: 2_000, idleStartMs: 30_000 };

describe('whenQuiet', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the first call, then runs a chore once nothing has been asked for the quiet period', () => {
    const quiet = whenQuiet(OPTIONS);
    const chore = vi.fn();
    quiet.run(chore);
    vi.advanceTimersByTime(10_000); // the page is still loading: no call yet
    expect(chore).not.toHaveBeenCalled();
    quiet.touch();
    vi.advanceTimersByTime(1_999);
    expect(chore).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(chore).toHaveBeenCalledTimes(1);
    quiet.touch();
    vi.advanceTimersByTime(10_000);
    expect(chore).toHaveBeenCalledTimes(1);
  });

  it('waits while calls keep coming', () => {
    const quiet = whenQuiet(OPTIONS);
    const chore = vi.fn();
    quiet.run(chore);
    for (let i = 0; i < 5; i++) {
      quiet.touch();
      vi.advanceTimersByTime(1_500);
    }
    expect(chore).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(chore).toHaveBeenCalledTimes(1);
  });

  it('runs the chores of a host nobody calls after idleStartMs', () => {
    const quiet = whenQuiet(OPTIONS);
    const chore = vi.fn();
    quiet.run(chore);
    vi.advanceTimersByTime(29_999);
    expect(chore).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(chore).toHaveBeenCalledTimes(1);
  });

  it('drops waiting chores on cancel, and a touch with nothing waiting sets no timer', () => {
    const quiet = whenQuiet(OPTIONS);
    const chore = vi.fn();
    quiet.run(chore);
    quiet.cancel();
    quiet.touch();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(chore).not.toHaveBeenCalled();
  });
});
