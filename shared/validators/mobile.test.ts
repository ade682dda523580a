import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMobile, checkPhone } from './mobile';
import { normalizePhone } from './normalize';
import { digits, MOBILE_PREFIXES, mobileDigits, spacedLikePeople } from './test-arbitraries';

const RUNS = { numRuns: 10_000 };

describe('checkMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008619912345678', '19912345678'],
    ['+86 16612345678', '16612345678'],
    ['+86-14712345678', '14712345678'],
    [' 17012345678 ', '17012345678'],
    // As people write them: groups, dashes, dots, brackets, full width, a bare 86.
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['(+86) 138.0013.8000', '13800138000'],
    ['138－0013－8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['86 138 0013 8000', '13800138000'],
  ])('accepts %s as %s', (raw, normalized) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: normalized });
  });

  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '23812345678',
    '+8713812345678',
    '086 13812345678',
    '138 0013 800a',
    '010-62345678',
    '',
  ])('rejects %s', (raw) => {
    expect(checkMobile(raw).ok).toBe(false);
  });

  it('says what is wrong and what to do, in both languages, without the number', () => {
    const r = checkMobile('138 0013 800');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.zh).toMatch(/手机号应为11位.*请核对/);
      expect(r.reason.en).toMatch(/Mobile number must be 11 digits.*check it/);
      expect(JSON.stringify(r.reason)).not.toMatch(/0013|800/);
    }
  });

  it('accepts 10,000 generated numbers with any prefix form and normalizes them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIXES), mobileDigits, (prefix, num) => {
        expect(checkMobile(prefix + num)).toEqual({ ok: true, value: num });
      }),
      RUNS,
    );
  });

  it('accepts 10,000 numbers grouped with spaces, dashes or dots the way people type them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MOBILE_PREFIXES), spacedLikePeople, (prefix, [num, typed]) => {
        expect(checkMobile(prefix + typed)).toEqual({ ok: true, value: num });
        expect(normalizePhone(prefix + typed)).toBe(num);
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
      // A letter, or a separator where a digit was (then a digit is missing).
      fc
        .tuple(
          mobileDigits,
          fc.integer({ min: 1, max: 10 }),
          fc.constantFrom('a', 'X', '-', '.', '#'),
        )
        .map(([n, p, c]) => n.slice(0, p) + c + n.slice(p + 1)),
      fc
        .tuple(fc.constantFrom('+85', '+87', '086', '+086', '+860', '8'), mobileDigits)
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

describe('checkPhone', () => {
  it('is checkMobile unless the field allows landlines', () => {
    expect(checkPhone('010-62345678').ok).toBe(false);
    expect(checkPhone('138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
  });

  it.each([
    ['010-62345678', '010-62345678'],
    ['(010) 6234 5678', '010-62345678'],
    ['021 87654321', '021-87654321'],
    ['0571-8765 4321', '0571-87654321'],
    ['0913-2345678', '0913-2345678'],
    ['+86 10 6234 5678', '010-62345678'],
    ['0086-571-87654321', '0571-87654321'],
    ['+86 138 0013 8000', '13800138000'],
  ])('with landlines allowed accepts %s as %s', (raw, normalized) => {
    expect(checkPhone(raw, { landline: true })).toEqual({ ok: true, value: normalized });
  });

  it.each([
    '12345678', // no area code
    '010-0234567', // local number starting with 0
    '010-623456', // too short
    '010-12345678', // local number starting with 1
    '0571-876543210', // too long
    '010-62345678-801', // extension
    '86 10 62345678', // a bare 86 is not a country prefix for a landline
  ])('with landlines allowed rejects %s', (raw) => {
    const r = checkPhone(raw, { landline: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/区号/);
  });

  it('normalizes 10,000 landlines typed with or without separators to the same text', () => {
    const landline = fc
      .tuple(
        fc.constantFrom('010', '021', '025', '0571', '0913', '0311'),
        fc.integer({ min: 2, max: 9 }),
        digits(7),
      )
      .map(([area, first, rest]) => {
        const local = area.length === 3 ? `${first}${rest}` : `${first}${rest.slice(1)}`;
        return [area, local] as const;
      });
    fc.assert(
      fc.property(landline, fc.constantFrom('-', ' ', '', ' - '), ([area, local], sep) => {
        const expected = `${area}-${local}`;
        expect(checkPhone(area + sep + local, { landline: true })).toEqual({
          ok: true,
          value: expected,
        });
        expect(checkPhone(`+86 ${area.slice(1)} ${local}`, { landline: true })).toEqual({
          ok: true,
          value: expected,
        });
      }),
      RUNS,
    );
  });
});
