import { describe, expect, it } from 'vitest';
import { catalogueFromEnv, clockFromEnv } from './clock';

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

describe('HALL_CATALOGUE_VERSION', () => {
  it('pins a shipped version whatever the date, and is absent when unset', () => {
    expect(catalogueFromEnv(undefined)).toBeUndefined();
    const pinned = catalogueFromEnv(' 2026.1 ');
    expect(pinned?.inForce(new Date('2027-03-01T10:00:00+08:00')).version).toBe('2026.1');
  });

  it('refuses a version this build does not ship, naming the ones it does', () => {
    expect(() => catalogueFromEnv('2019.1')).toThrow(/2026\.1, 2026\.2/);
  });
});
