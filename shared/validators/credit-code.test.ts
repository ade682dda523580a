import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCheckChar, CREDIT_ALPHABET } from './credit-code';
import { REGISTRATION_AUTHORITIES } from './credit-code-authorities';
import { isOrgCodeValid, orgCodeCheckChar } from './org-code';
import { isRegionCode } from './regions';
import { creditBody, validCreditCode, validOrgCode } from './test-arbitraries';

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
    // …but all zeros is no code: 0 is no registration authority.
    expect(checkCreditCode('000000000000000000').ok).toBe(false);
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

/** A code with the given first 17 characters and the right check character. */
const withCheck = (body17: string): string => body17 + creditCheckChar(body17);

describe('checkCreditCode: GB 32100 code table, area and GB 11714', () => {
  it.each([
    ['B', 'registration authority B does not exist', /第1位（登记管理部门代码）不存在/],
    ['0', 'registration authority 0 does not exist', /第1位（登记管理部门代码）不存在/],
    ['H', 'registration authority H does not exist', /第1位/],
  ])('refuses authority %s (%s) although the check char is right', (a, _why, message) => {
    const r = checkCreditCode(withCheck(`${a}1350100M000100Y4`));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.zh).toMatch(message);
      expect(r.reason.zh).toMatch(/请核对营业执照/);
      expect(r.reason.en).toMatch(/registration authority.*check it against the business licence/);
    }
  });

  it.each([
    ['94', '9 (market regulation) has only 1, 2, 3'],
    ['99', '9 has no "other"'],
    ['Y2', 'Y has only 1'],
    ['24', '2 (foreign affairs) has 1 and 9'],
    ['10', 'no category 0 anywhere'],
  ])('refuses category %s (%s)', (head) => {
    const r = checkCreditCode(withCheck(`${head}350100M000100Y4`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/第2位（机构类别代码）/);
  });

  it('accepts every authority and category of the table', () => {
    let n = 0;
    for (const [a, auth] of Object.entries(REGISTRATION_AUTHORITIES)) {
      for (const c of Object.keys(auth.categories)) {
        expect(checkCreditCode(withCheck(`${a}${c}350100M000100Y4`)), a + c).toEqual({
          ok: true,
          value: withCheck(`${a}${c}350100M000100Y4`),
        });
        n++;
      }
    }
    // 12 authorities; the standard's table has 36 authority-category pairs.
    expect(Object.keys(REGISTRATION_AUTHORITIES)).toHaveLength(12);
    expect(n).toBe(36);
  });

  it('refuses an area whose province does not exist; 100000 (national) passes', () => {
    for (const area of ['000000', '990100', '710000', '200000']) {
      const r = checkCreditCode(withCheck(`91${area}M000100Y4`));
      expect(r.ok, area).toBe(false);
      if (!r.ok) expect(r.reason.zh).toMatch(/第3–8位（登记机关行政区划码）/);
    }
    expect(checkCreditCode(withCheck('11100000M000100Y4')).ok).toBe(true);
  });

  it('warns, without refusing, for an area code of a real province that is no longer in force', () => {
    // 371200 莱芜市 merged into 济南 in 2019; codes issued there keep it for life.
    expect(isRegionCode('371200')).toBe(false);
    const code = withCheck('91371200M000100Y4');
    const r = checkCreditCode(code);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(code);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings?.[0]?.zh).toMatch(/行政区划码不在现行区划中/);
    }
  });

  it('computes the GB 11714 check of the embedded organisation code (vector M000100Y → 4)', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(isOrgCodeValid('M000100Y4')).toBe(true);
    // 11 − Σ mod 11 = 10 → X, = 11 → 0.
    expect(orgCodeCheckChar('00000001')).toBe('9');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('10000000')).toBe('8');
    expect(orgCodeCheckChar('D2143569')).toBe(orgCodeCheckChar('D2143569'));
  });

  it('warns, without refusing, when the organisation code fails GB 11714', () => {
    const code = withCheck('91350100M000100Y5');
    const r = checkCreditCode(code);
    expect(r).toEqual({
      ok: true,
      value: code,
      warnings: [
        {
          zh: '其中的组织机构代码（第9–17位）校验不符（GB 11714），可以受理，请与营业执照核对',
          en: 'the embedded organisation code (9th–17th) fails its GB 11714 check; it may be accepted, compare it with the licence',
        },
      ],
    });
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it('never echoes the code in a reason or a warning', () => {
    for (const code of [withCheck('B1350100M000100Y4'), withCheck('91350100M000100Y5')]) {
      const r = checkCreditCode(code);
      const text = JSON.stringify(r.ok ? r.warnings : r.reason);
      expect(text).not.toContain('350100');
      expect(text).not.toContain('M000100');
    }
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

describe('checkCreditCode: generated against the code table', () => {
  const heads = new Set(
    Object.entries(REGISTRATION_AUTHORITIES).flatMap(([a, r]) =>
      Object.keys(r.categories).map((c) => a + c),
    ),
  );

  it('refuses 10,000 codes whose only fault is an authority-category pair not in the table', () => {
    const badHead = fc
      .tuple(fc.constantFrom(...CREDIT_ALPHABET), fc.constantFrom(...CREDIT_ALPHABET))
      .map(([a, c]) => a + c)
      .filter((h) => !heads.has(h));
    fc.assert(
      fc.property(creditBody, badHead, (body, head) => {
        expect(checkCreditCode(withCheck(head + body.slice(2))).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('warns on 10,000 codes whose organisation code check char alone is wrong, never refuses', () => {
    fc.assert(
      fc.property(creditBody, fc.integer({ min: 1, max: 10 }), (body, shift) => {
        const checks = '0123456789X';
        const org = body.slice(8, 17);
        const wrong = checks[(checks.indexOf(org.charAt(8)) + shift) % 11]!;
        const code = withCheck(body.slice(0, 16) + wrong);
        const r = checkCreditCode(code);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.warnings?.some((w) => w.zh.includes('GB 11714'))).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives no warning for 10,000 codes with a valid organisation code and area', () => {
    fc.assert(
      fc.property(validOrgCode, (org) => {
        const code = withCheck(`91350100${org.slice(0, 8)}`.slice(0, 16) + org.charAt(8));
        expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
      }),
      RUNS,
    );
  });
});
