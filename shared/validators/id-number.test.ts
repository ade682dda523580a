import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, idNumberBirthDate } from './id-number';
import { provinceCodes } from './regions';
import { digits, idBody, validIdNumber } from './test-arbitraries';

const TODAY = new Date('2026-06-01T00:00:00+08:00');
const RUNS = { numRuns: 10_000 };

describe('checkIdNumber: standard vectors', () => {
  it('accepts the GB 11643 vector and normalizes lower-case x', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(checkIdNumber(' 11010519491231002x ', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
  });

  // 440524188001010014 is the worked example printed in GB 11643 itself.
  it('computes the check characters of known IDs', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(checkIdNumber('440524188001010014', TODAY).ok).toBe(true);
  });

  it.each([
    ['11010519491231002', 'short'],
    ['110105194912310021', 'wrong check char'],
    ['11010519491331002X', 'month 13'],
    ['11010519490230002X', 'Feb 30'],
    ['1101051949123100XX', 'X in the body'],
    ['01010519491231002X', 'zero area'],
  ])('rejects %s (%s)', (id) => {
    expect(checkIdNumber(id, TODAY).ok).toBe(false);
  });

  it.each(['10', '16', '20', '39', '47', '55', '60', '66', '71', '80', '72'])(
    'rejects province code %s, which GB/T 2260 does not have, with the right check char',
    (p) => {
      const body = `${p}010519491231002`;
      const r = checkIdNumber(body + idCheckChar(body), TODAY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.zh).toMatch(/省级行政区划/);
    },
  );

  it('accepts every province in force (11 北京 … 65 新疆), and 50 重庆 and 46 海南', () => {
    expect(provinceCodes()).toHaveLength(31);
    expect(provinceCodes()).toEqual(expect.arrayContaining(['11', '46', '50', '65']));
    for (const p of provinceCodes()) {
      const body = `${p}010519491231002`;
      expect(checkIdNumber(body + idCheckChar(body), TODAY).ok, p).toBe(true);
    }
  });

  it('explains a legacy 15-digit number instead of asking for 18 characters', () => {
    const r = checkIdNumber('110105491231002', TODAY);
    expect(r).toEqual({
      ok: false,
      reason: {
        zh: '15位旧身份证已停用，请使用18位身份证（第二代居民身份证）上的号码',
        en: 'The 15-digit first-generation ID card is no longer valid; use the number on the 18-digit card',
      },
    });
  });

  it('points a residence permit or permanent residence ID typed as a resident ID to its type', () => {
    const permit = '81000019491231002';
    const r1 = checkIdNumber(permit + idCheckChar(permit), TODAY);
    expect(r1.ok ? '' : r1.reason.zh).toContain('港澳台居民居住证');
    const pr = '91115619491231002';
    const r2 = checkIdNumber(pr + idCheckChar(pr), TODAY);
    expect(r2.ok ? '' : r2.reason.zh).toContain('外国人永久居留身份证');
  });

  it('accepts the number typed in groups and in full-width digits', () => {
    expect(checkIdNumber('110105 19491231 002x', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true);
  });

  it('rejects a birth date after today in hall time and accepts today', () => {
    const body = '11010520260602001';
    const id = body + idCheckChar(body);
    expect(checkIdNumber(id, TODAY).ok).toBe(false);
    // 2026-06-02 00:30 in Shanghai is still 2026-06-01 in UTC: hall time decides.
    expect(checkIdNumber(id, new Date('2026-06-02T00:30:00+08:00')).ok).toBe(true);
  });

  it('gives reasons in both languages that never contain the value', () => {
    const r = checkIdNumber('110105194912310021', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.zh).toMatch(/身份证号校验位不正确，请核对身份证后重新填写/);
      expect(r.reason.en).toMatch(/ID number: check character does not match; check it/);
      expect(JSON.stringify(r.reason)).not.toContain('110105');
    }
  });

  it('reads the birth date', () => {
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberBirthDate('11010519491331002X')).toBeUndefined();
  });
});

describe('checkIdNumber: generated', () => {
  it('accepts 10,000 valid IDs built from parts (and their lower-case x form)', () => {
    fc.assert(
      fc.property(validIdNumber(TODAY), (id) => {
        const r = checkIdNumber(id.toLowerCase(), TODAY);
        expect(r).toEqual({ ok: true, value: id });
      }),
      RUNS,
    );
  });

  it('rejects 10,000 IDs with exactly one body digit changed (mod 11 always detects it)', () => {
    fc.assert(
      fc.property(
        validIdNumber(TODAY),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, pos, delta) => {
          const d = (Number(id[pos]) + delta) % 10;
          const bad = id.slice(0, pos) + d + id.slice(pos + 1);
          expect(checkIdNumber(bad, TODAY).ok).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('rejects 10,000 IDs with a wrong check character', () => {
    fc.assert(
      fc.property(validIdNumber(TODAY), fc.integer({ min: 1, max: 10 }), (id, shift) => {
        const chars = '0123456789X';
        const bad = id.slice(0, 17) + chars[(chars.indexOf(id[17]!) + shift) % 11];
        expect(checkIdNumber(bad, TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects 10,000 IDs with two different adjacent body digits swapped', () => {
    fc.assert(
      fc.property(validIdNumber(TODAY), fc.integer({ min: 0, max: 15 }), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const bad = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(checkIdNumber(bad, TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects 10,000 IDs whose only fault is a province code not in GB/T 2260', () => {
    const unknown = fc
      .integer({ min: 0, max: 99 })
      .map((n) => String(n).padStart(2, '0'))
      .filter((p) => !provinceCodes().includes(p) && !p.startsWith('9'));
    fc.assert(
      fc.property(idBody(TODAY), unknown, (body, p) => {
        const b = p + body.slice(2);
        expect(checkIdNumber(b + idCheckChar(b), TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects 10,000 IDs of the wrong length', () => {
    fc.assert(
      fc.property(validIdNumber(TODAY), fc.boolean(), digits(1), (id, drop, extra) => {
        const bad = drop ? id.slice(0, 17) : id + extra;
        expect(checkIdNumber(bad, TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('rejects 10,000 IDs whose only fault is an impossible or future birth date', () => {
    const badDate = fc.oneof(
      fc.tuple(
        fc.integer({ min: 1900, max: 2025 }),
        fc.constantFrom(0, 13, 19, 99),
        fc.integer({ min: 1, max: 28 }),
      ),
      fc.tuple(
        fc.integer({ min: 1900, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 32, 40, 99),
      ),
      fc.tuple(
        fc
          .integer({ min: 1900, max: 2025 })
          .filter((y) => y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0)),
        fc.constant(2),
        fc.constant(29),
      ),
      fc.tuple(
        fc.integer({ min: 2027, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      ),
    );
    fc.assert(
      fc.property(idBody(TODAY), badDate, (body, [y, m, d]) => {
        const date = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
        const b = body.slice(0, 6) + date + body.slice(14);
        // Correct check char, so only the date can make it fail.
        expect(checkIdNumber(b + idCheckChar(b), TODAY).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
