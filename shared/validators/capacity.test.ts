import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCapacityKva,
  checkIncreaseTotal,
  checkTransformerKva,
  STANDARD_TRANSFORMER_KVA,
} from './capacity';

describe('capacity checks', () => {
  it('has the 25 standard sizes from 10 to 10000 kVA in increasing order', () => {
    expect(STANDARD_TRANSFORMER_KVA).toHaveLength(25);
    expect(STANDARD_TRANSFORMER_KVA[0]).toBe(10);
    expect(STANDARD_TRANSFORMER_KVA.at(-1)).toBe(10000);
    expect([...STANDARD_TRANSFORMER_KVA].sort((a, b) => a - b)).toEqual(STANDARD_TRANSFORMER_KVA);
  });

  it('accepts only standard transformer sizes', () => {
    expect(checkTransformerKva(315)).toEqual({ ok: true, value: 315 });
    expect(checkTransformerKva(300).ok).toBe(false);
    expect(checkTransformerKva(Number.NaN).ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), (n) => {
        expect(checkTransformerKva(n).ok).toBe(STANDARD_TRANSFORMER_KVA.includes(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('checks a capacity range', () => {
    expect(checkCapacityKva(8, { min: 1, max: 160 })).toEqual({ ok: true, value: 8 });
    expect(checkCapacityKva(0).ok).toBe(false);
    expect(checkCapacityKva(-5).ok).toBe(false);
    expect(checkCapacityKva(200, { max: 160 }).ok).toBe(false);
    expect(checkCapacityKva(0.5, { min: 1 }).ok).toBe(false);
    expect(checkCapacityKva(Number.POSITIVE_INFINITY).ok).toBe(false);
  });

  it('reports the 增容 total and requires a standard size', () => {
    expect(checkIncreaseTotal(315, 185)).toEqual({ ok: true, value: 500 });
    expect(checkIncreaseTotal(315, 100).ok).toBe(false);
    expect(checkIncreaseTotal(315, 0).ok).toBe(false);
    expect(checkIncreaseTotal(315, -15).ok).toBe(false);
    expect(checkIncreaseTotal(8, 4, { requireStandard: false })).toEqual({ ok: true, value: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom(...STANDARD_TRANSFORMER_KVA),
        fc.constantFrom(...STANDARD_TRANSFORMER_KVA),
        (a, b) => {
          fc.pre(b > a);
          expect(checkIncreaseTotal(a, b - a)).toEqual({ ok: true, value: b });
        },
      ),
      { numRuns: 500 },
    );
  });
});
