import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMobile } from './mobile';
import { digits, MOBILE_PREFIXES, mobileDigits } from './test-arbitraries';

const RUNS = { numRuns: 10_000 };

describe('checkMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008619912345678', '19912345678'],
    ['+86 16612345678', '16612345678'],
    ['+86-14712345678', '14712345678'],
    [' 17012345678 ', '17012345678'],
  ])('accepts %s as %s', (raw, normalized) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '23812345678',
    '+8713812345678',
    '138-1234-5678',
    '',
  ])('rejects %s', (raw) => {
    expect(checkMobile(raw).ok).toBe(false);
  });

  it('accepts 10,000 generated numbers with any prefix form and normalizes them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIXES), mobileDigits, (prefix, num) => {
        expect(checkMobile(prefix + num)).toEqual({ ok: true, value: num });
      }),
      RUNS,
    );
  });

  it('rejects 10,000 corrupted numbers (bad second digit, not 1, wrong length, letter, bad prefix)', () => {
    const corrupt = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 2 }), digits(9)).map(([s, r]) => `1${s}${r}`),
      fc
        .tuple(
          fc.constantFrom(0, 2, 3, 4, 5, 6, 7, 8, 9),
          fc.integer({ min: 3, max: 9 }),
          digits(9),
        )
        .map(([f, s, r]) => `${f}${s}${r}`),
      mobileDigits.map((n) => n.slice(0, 10)),
      fc.tuple(mobileDigits, digits(1)).map(([n, d]) => n + d),
      fc
        .tuple(
          mobileDigits,
          fc.integer({ min: 1, max: 10 }),
          fc.constantFrom('a', 'X', '-', '.', '０'),
        )
        .map(([n, p, c]) => n.slice(0, p) + c + n.slice(p + 1)),
      fc
        .tuple(fc.constantFrom('+85', '+87', '086', '86-', '+086', '+86  '), mobileDigits)
        .map(([p, n]) => p + n),
    );
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIXES), corrupt, (prefix, bad) => {
        expect(checkMobile(prefix + bad).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
