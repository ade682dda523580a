import { describe, expect, it } from 'vitest';
import { clockFromEnv } from './clock';

describe('clockFromEnv (HALL_NOW)', () => {
  it('is absent when unset or blank', () => {
    expect(clockFromEnv(undefined)).toBeUndefined();
    expect(clockFromEnv('  ')).toBeUndefined();
  });

  it('starts at the given instant and runs on with the real clock', () => {
    let real = 1_000_000;
    const now = clockFromEnv('2026-09-30T10:00:00+08:00', () => real);
    expect(now?.().toISOString()).toBe('2026-09-30T02:00:00.000Z');
    real += 90_000;
    expect(now?.().toISOString()).toBe('2026-09-30T02:01:30.000Z');
  });

  it('refuses a time without an offset (it would depend on the host time zone)', () => {
    expect(() => clockFromEnv('2026-09-30T10:00:00')).toThrow(RangeError);
    expect(() => clockFromEnv('tomorrow')).toThrow(RangeError);
  });
});
