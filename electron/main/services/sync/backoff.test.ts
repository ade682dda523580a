import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, backoffWindow, parseRetryAfter } from './backoff';

const policy = { baseMs: 1000, capMs: 60_000, floorMs: 100 };

describe('full-jitter backoff', () => {
  it('doubles the window from base up to the cap', () => {
    expect([1, 2, 3, 6, 7, 8, 100].map((n) => backoffWindow(policy, n))).toEqual([
      1000, 2000, 4000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('draws every wait from [floor, window], and never sooner than Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }),
        (n, r, retryAfter) => {
          const d = backoffDelay(policy, n, () => r, retryAfter);
          expect(d).toBeGreaterThanOrEqual(policy.floorMs);
          if (retryAfter === undefined) expect(d).toBeLessThanOrEqual(backoffWindow(policy, n));
          else {
            expect(d).toBeGreaterThanOrEqual(retryAfter);
            expect(d).toBeLessThanOrEqual(Math.max(retryAfter, backoffWindow(policy, n)));
          }
        },
      ),
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T01:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 01:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
