import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAccountNo } from './account-no';
import { digits } from './test-arbitraries';

const RUNS = { numRuns: 10_000 };

describe('checkAccountNo', () => {
  it('accepts digits of the configured length, trimmed', () => {
    expect(checkAccountNo(' 0123456789 ')).toEqual({ ok: true, value: '0123456789' });
    expect(checkAccountNo('123456789012', 12)).toEqual({ ok: true, value: '123456789012' });
    expect(checkAccountNo('0123456789', 12).ok).toBe(false);
    expect(checkAccountNo('01234A6789').ok).toBe(false);
  });

  it('accepts 10,000 generated 10-digit numbers', () => {
    fc.assert(
      fc.property(digits(10), (n) => {
        expect(checkAccountNo(n)).toEqual({ ok: true, value: n });
      }),
      RUNS,
    );
  });

  it('rejects 10,000 numbers with a wrong length or a non-digit', () => {
    fc.assert(
      fc.property(
        digits(10),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('drop', 'add', 'letter'),
        fc.constantFrom('a', 'X', '-', ' ', '.', '１'),
        (n, pos, how, ch) => {
          const bad =
            how === 'drop'
              ? n.slice(0, pos) + n.slice(pos + 1)
              : how === 'add'
                ? n + n[pos]
                : n.slice(0, pos) + ch + n.slice(pos + 1);
          expect(checkAccountNo(bad).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
