import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_LABELS,
  CERTIFICATE_TYPES,
  checkCertificate,
  PERSON_CERTIFICATE_TYPES,
  type CertificateType,
} from './certificates';
import { idCheckChar } from './id-number';
import {
  oldForeignPermanentId,
  validCreditCode,
  validForeignPermanentId,
  validHkMacaoPermit,
  validIdNumber,
  validPassport,
  validResidencePermit,
  validTaiwanPermit,
} from './test-arbitraries';

const TODAY = new Date('2026-06-01T00:00:00+08:00');
const RUNS = { numRuns: 2_000 };
const withIdCheck = (body17: string): string => body17 + idCheckChar(body17);
const check = (type: CertificateType, raw: string) => checkCertificate(type, raw, TODAY);

/** Good and bad numbers of every certificate type, with why the bad ones are bad. */
const TABLE: Record<CertificateType, { good: [string, string][]; bad: [string, string][] }> = {
  resident_id: {
    good: [
      ['11010519491231002X', '11010519491231002X'],
      [' 11010519491231002x ', '11010519491231002X'],
    ],
    bad: [
      ['110105491231002', '15-digit first-generation number'],
      [withIdCheck('81000019491231002'), 'a residence permit number'],
      ['E12345678', 'a passport number'],
    ],
  },
  residence_permit: {
    good: [
      [withIdCheck('81000019900101001'), '810000: Hong Kong'],
      [withIdCheck('82000020000229002'), '820000: Macao, 29 Feb of a leap year'],
      [withIdCheck('83000019851231003').toLowerCase(), '830000: Taiwan'],
    ].map(([v]) => [v!, v!.toUpperCase()]),
    bad: [
      ['11010519491231002X', 'a resident ID: area is no 8x0000'],
      [withIdCheck('84000019900101001'), '840000 is no permit area'],
      [withIdCheck('81000019900230001'), '30 February'],
      [withIdCheck('81000020990101001'), 'born in the future'],
      ['810000199001010012', 'wrong check char'],
      ['8100001990010100', 'short'],
    ],
  },
  hk_macao_permit: {
    good: [
      ['H12345678', 'H12345678'],
      ['m 1234 5678', 'M12345678'],
      ['H1234567801', 'H1234567801'],
    ],
    bad: [
      ['12345678', 'no H or M'],
      ['K12345678', 'K is no region'],
      ['H1234567', 'seven digits'],
      ['H123456789', 'nine digits'],
      ['HA2345678', 'letter in the digits'],
    ],
  },
  taiwan_permit: {
    good: [
      ['12345678', '12345678'],
      ['1234567890', '1234567890'],
    ],
    bad: [
      ['1234567', 'seven digits'],
      ['123456789', 'nine digits'],
      ['T1234567', 'a letter'],
    ],
  },
  foreign_permanent_id: {
    good: [
      [withIdCheck('93384019800101001'), '2023 card: 9, 33 Zhejiang, 840, 1980-01-01'],
      ['usa310170123456', 'old card: 3 letters and 12 digits'],
    ].map(([v]) => [v!, v!.toUpperCase()]),
    bad: [
      [withIdCheck('91084019800101001'), 'province 10 does not exist'],
      [withIdCheck('93384019801301001'), 'month 13'],
      ['933840198001010010', 'wrong check char'],
      ['11010519491231002X', 'a resident ID'],
      ['US310170123456', 'two letters'],
      ['USA31017012345', 'eleven digits'],
    ],
  },
  passport: {
    good: [
      ['E12345678', 'E12345678'],
      ['ea1234567', 'EA1234567'],
      ['G 1234 5678', 'G12345678'],
      ['123456789', '123456789'],
      ['X00000A1', 'X00000A1'],
    ],
    bad: [
      ['11010519491231002X', 'an 18-character ID under the wrong type'],
      ['E123', 'too short'],
      ['ABCDEFGHI', 'no digit'],
      ['E1234567890123456789', 'too long'],
      ['E1234/678', 'a slash'],
    ],
  },
  credit_code: {
    good: [['91350100m000100y43', '91350100M000100Y43']],
    bad: [
      ['B1350100M000100Y4X', 'authority B'],
      ['000000000000000000', 'all zeros'],
    ],
  },
};

describe('checkCertificate: every type, good and bad values', () => {
  it('has a check, a bilingual label and a table row for every type', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CERTIFICATE_TYPES].sort());
    for (const type of CERTIFICATE_TYPES) {
      expect(CERTIFICATE_LABELS[type].zh.length, type).toBeGreaterThan(0);
      expect(CERTIFICATE_LABELS[type].en.length, type).toBeGreaterThan(0);
    }
    expect(PERSON_CERTIFICATE_TYPES[0]).toBe('resident_id');
  });

  for (const type of CERTIFICATE_TYPES) {
    it.each(TABLE[type].good)(`${type} accepts %s`, (raw, normalized) => {
      expect(check(type, raw)).toMatchObject({ ok: true, value: normalized });
    });
    it.each(TABLE[type].bad)(`${type} refuses %s (%s)`, (raw) => {
      const r = check(type, raw);
      expect(r.ok).toBe(false);
      // A reason says what to do and never repeats the number.
      if (!r.ok) {
        expect(r.reason.zh).toMatch(/请/);
        expect(r.reason.en).toMatch(/;|change|choose|use/);
        expect(JSON.stringify(r.reason)).not.toContain(raw.slice(-6).toUpperCase());
      }
    });
  }

  it('applies the resident-ID check to 居民身份证 only', () => {
    // A 9-digit passport or an 8-digit Taiwan permit has no GB 11643 check to fail.
    expect(check('resident_id', '123456789').ok).toBe(false);
    expect(check('passport', '123456789').ok).toBe(true);
    expect(check('taiwan_permit', '12345678').ok).toBe(true);
  });
});

describe('checkCertificate: generated', () => {
  const generated: [CertificateType, fc.Arbitrary<string>][] = [
    ['resident_id', validIdNumber(TODAY)],
    ['residence_permit', validResidencePermit(TODAY)],
    ['hk_macao_permit', validHkMacaoPermit],
    ['taiwan_permit', validTaiwanPermit],
    ['foreign_permanent_id', validForeignPermanentId(TODAY)],
    ['foreign_permanent_id', oldForeignPermanentId],
    ['passport', validPassport],
    ['credit_code', validCreditCode],
  ];

  it.each(generated)(
    'accepts 2,000 valid %s numbers, typed in lower case with spaces',
    (type, arb) => {
      fc.assert(
        fc.property(arb, (v) => {
          const typed = `${v.slice(0, 4)} ${v.slice(4)}`.toLowerCase();
          expect(check(type, typed)).toMatchObject({ ok: true, value: v });
        }),
        RUNS,
      );
    },
  );

  it.each([
    ['residence_permit', validResidencePermit(TODAY)],
    ['foreign_permanent_id', validForeignPermanentId(TODAY)],
  ] as const)(
    'refuses 2,000 %s numbers with one body digit changed (GB 11643 check)',
    (type, arb) => {
      fc.assert(
        fc.property(
          arb,
          fc.integer({ min: 6, max: 16 }),
          fc.integer({ min: 1, max: 9 }),
          (v, pos, d) => {
            const bad = v.slice(0, pos) + ((Number(v[pos]) + d) % 10) + v.slice(pos + 1);
            expect(check(type, bad).ok).toBe(false);
          },
        ),
        RUNS,
      );
    },
  );

  it.each([
    ['hk_macao_permit', validHkMacaoPermit],
    ['taiwan_permit', validTaiwanPermit],
  ] as const)('refuses 2,000 %s numbers one digit short or with a letter added', (type, arb) => {
    fc.assert(
      fc.property(arb, fc.boolean(), (v, drop) => {
        const bad = drop ? v.slice(0, -1) : `${v}A`;
        expect(check(type, bad).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses 2,000 resident IDs entered as passports and 2,000 passports entered as resident IDs', () => {
    fc.assert(
      fc.property(validIdNumber(TODAY), validPassport, (id, passport) => {
        expect(check('passport', id).ok).toBe(false);
        expect(check('resident_id', passport).ok).toBe(false);
      }),
      RUNS,
    );
  });
});
