import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCheckChar, CREDIT_ALPHABET } from './credit-code';
import { validCreditCode } from './test-arbitraries';

const RUNS = { numRuns: 10_000 };

describe('checkCreditCode: standard vectors', () => {
  it('accepts the GB 32100 vector, trimmed and upper-cased', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it('uses the outer mod: a body whose sum is a multiple of 31 gets check char 0', () => {
    expect(creditCheckChar('00000000000000000')).toBe('0');
    expect(checkCreditCode('000000000000000000').ok).toBe(true);
  });

  it.each([
    ['91350100M000100Y4', 'short'],
    ['91350100M000100Y44', 'wrong check char'],
    ['91350100O000100Y43', 'forbidden letter O'],
    ['9135A100M000100Y43', 'letter in the area code'],
  ])('rejects %s (%s)', (code) => {
    expect(checkCreditCode(code).ok).toBe(false);
  });
});

describe('checkCreditCode: generated', () => {
  const other = (c: string, shift: number): string =>
    CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(c) + shift) % 31]!;

  it('accepts 10,000 valid codes built from parts', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(checkCreditCode(code.toLowerCase())).toEqual({ ok: true, value: code });
      }),
      RUNS,
    );
  });

  it('rejects 10,000 codes with one character changed (31 is prime: always detected)', () => {
    fc.assert(
      fc.property(
        validCreditCode,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, pos, shift) => {
          const bad = code.slice(0, pos) + other(code[pos]!, shift) + code.slice(pos + 1);
          expect(checkCreditCode(bad).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('rejects 10,000 codes with two different adjacent characters swapped', () => {
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 15 }), (code, pos) => {
        fc.pre(code[pos] !== code[pos + 1]);
        const bad = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(checkCreditCode(bad).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects 10,000 codes with a forbidden letter or the wrong length', () => {
    fc.assert(
      fc.property(
        validCreditCode,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'i', 'o', '-', ' ', '*'),
        fc.constantFrom('forbidden', 'drop', 'add'),
        (code, pos, ch, how) => {
          const bad =
            how === 'forbidden'
              ? code.slice(0, pos) + ch + code.slice(pos + 1)
              : how === 'drop'
                ? code.slice(0, pos) + code.slice(pos + 1)
                : code.slice(0, pos) + code[pos] + code.slice(pos);
          expect(checkCreditCode(bad).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
