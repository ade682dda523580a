import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldValues } from '../api/schemas';
import { createCalendar } from '../deadline/calendar';
import { STANDARD_TRANSFORMER_KVA, checkTransformerSet } from '../validators/capacity';
import { CATALOGUE, findType } from './index';
import { RULE_CHECKS } from './rules';
import { addMonths } from './rules-periods';
import { validateApplication } from './validate';

/** Table and property tests for the rules catalogue 2026.2 added, with the catalogue's own params. */
const NOW = new Date('2026-03-02T10:00:00+08:00'); // a Monday
const ruleOf = (typeCode: string, code: string) => {
  const rule = findType(CATALOGUE, typeCode)?.rules.find((r) => r.code === code);
  if (!rule) throw new Error(`${typeCode} has no ${code}`);
  return (fields: FieldValues, now = NOW, calendar = createCalendar()) =>
    RULE_CHECKS[code]!(rule.params ?? {}, { fields, now, calendar });
};
const ORG = {
  applicantName: '福州恒源商贸有限公司',
  creditCode: '91350100M000100Y43',
  legalRepName: '李四',
  idNumber: '11010519491231002X',
  mobile: '13912345678',
  address: {
    province: '福建省',
    city: '福州市',
    district: '鼓楼区',
    street: '',
    detail: '东街88号',
  },
  agent: 'no',
};
const HV_PAPERS = [
  'BUSINESS_LICENCE',
  'LEGAL_REP_ID',
  'OFFICIAL_SEAL',
  'PROPERTY_PROOF',
  'EQUIPMENT_LIST',
].map((code) => ({ code, status: 'received' as const }));

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', 2, '2026-05-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2025-05-20', 24, '2027-05-20'],
  ])('%s + %i months = %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));

  it('lands in the right month, never after the same day number (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 36 }),
        (d, n) => {
          const from = d.toISOString().slice(0, 10);
          const to = addMonths(from, n);
          const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
          const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
          expect(ty * 12 + tm - (fy * 12 + fm)).toBe(n);
          expect(td).toBeLessThanOrEqual(fd);
          expect(new Date(`${to}T00:00:00Z`).toISOString().slice(0, 10)).toBe(to);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('high-voltage transformers: the standard series applies per transformer', () => {
  const hv = (fields: FieldValues) =>
    validateApplication(
      CATALOGUE,
      {
        typeCode: 'NEW_HV',
        accountKind: 'hv',
        fields: {
          ...ORG,
          voltageKv: '10',
          supplyMode: 'single',
          heavyIndustry: 'no',
          loadNature: '制造',
          ...fields,
        },
        papers: HV_PAPERS,
      },
      'submit',
      NOW,
    ).errors.map((e) => e.field);

  it.each([
    [{ transformerCount: 2, transformerKva: 630 }, [], '2 × 630 = 1260 kVA'],
    [{ transformerCount: 1, transformerKva: 1260 }, ['fields.transformerKva'], 'one 1260 kVA'],
    [
      { transformerCount: 2, transformerKva: 630, transformer2Count: 1, transformer2Kva: 1000 },
      [],
      'two sizes',
    ],
    [
      { transformerCount: 2, transformerKva: 630, transformer2Count: 1 },
      ['rules.TRANSFORMER_SET'],
      'second line half filled',
    ],
    [
      { transformerCount: 2, transformerKva: 6300 },
      ['rules.TRANSFORMER_SET'],
      '12,600 kVA on 10 kV',
    ],
    [{ transformerCount: 2, transformerKva: 6300, voltageKv: '35' }, [], '12,600 kVA on 35 kV'],
    [{ transformerCount: 4, transformerKva: 10000, voltageKv: '110' }, [], '40,000 kVA on 110 kV'],
    [{ transformerCount: 0, transformerKva: 630 }, ['fields.transformerCount'], 'no transformer'],
  ] as [FieldValues, string[], string][])('%o → %o (%s)', (fields, errors) =>
    expect(hv(fields)).toEqual(errors),
  );

  it('any list of standard sizes is accepted and totals count × size (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 8 }),
            kva: fc.constantFrom(...STANDARD_TRANSFORMER_KVA),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (groups) => {
          const r = checkTransformerSet(groups);
          expect(r.ok).toBe(true);
          expect(r.ok && r.value).toBe(groups.reduce((a, g) => a + g.count * g.kva, 0));
        },
      ),
    );
  });

  it('a size off the series is refused wherever it is in the list (property)', () => {
    const offSeries = fc
      .integer({ min: 1, max: 20000 })
      .filter((n) => !STANDARD_TRANSFORMER_KVA.includes(n));
    fc.assert(
      fc.property(offSeries, fc.integer({ min: 0, max: 2 }), (bad, at) => {
        const groups = [
          { count: 1, kva: 630 },
          { count: 2, kva: 400 },
        ];
        groups.splice(at, 0, { count: 1, kva: bad });
        expect(checkTransformerSet(groups).ok).toBe(false);
      }),
    );
  });
});

describe('capacity limits: kW for low-voltage businesses, the household limit by phase', () => {
  it('the low-voltage business limit is 160 kW, in kW', () => {
    const field = findType(CATALOGUE, 'NEW_LV_BIZ')!.fields.find((f) => f.key === 'requestedKw')!;
    expect([field.kind, field.max]).toEqual(['capacityKw', 160]);
    expect(ruleOf('INC_LV_BIZ', 'MAX_TOTAL')({ existingKw: 100, addedKw: 60 })).toBeUndefined();
    expect(ruleOf('INC_LV_BIZ', 'MAX_TOTAL')({ existingKw: 100, addedKw: 61 })?.zh).toContain(
      '160 kW',
    );
  });
  it("a household increase is held to the hall's three-phase household limit of 100 kVA", () => {
    const household = findType(CATALOGUE, 'NEW_LV_RES')!;
    expect(household.fields.find((f) => f.key === 'requestedKva')?.limitSource?.kind).toBe('hall');
    const total = findType(CATALOGUE, 'INC_LV_RES')!.rules.find((r) => r.code === 'MAX_TOTAL');
    expect(total?.source.kind).toBe('hall');
    expect(ruleOf('INC_LV_RES', 'MAX_TOTAL')({ existingKva: 8, addedKva: 92 })).toBeUndefined();
    expect(ruleOf('INC_LV_RES', 'MAX_TOTAL')({ existingKva: 8, addedKva: 93 })?.zh).toContain(
      '100 kVA',
    );
  });
});

describe('暂停: at least 15 days a time, six months (183 days) a calendar year', () => {
  const total = ruleOf('CHG_PAUSE', 'YEAR_TOTAL_DAYS');
  it.each([
    [30, 0, true],
    [183, 0, true],
    [100, 83, true],
    [100, 84, false],
    [15, 170, false],
  ])('%i days with %i already this year: allowed %s', (pauseDays, pausedDaysThisYear, ok) => {
    expect(total({ pauseDays, pausedDaysThisYear }) === undefined).toBe(ok);
  });
  it('passes exactly when the year total stays within 183 days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 183 }), fc.integer({ min: 0, max: 183 }), (d, done) => {
        expect(total({ pauseDays: d, pausedDaysThisYear: done }) === undefined).toBe(
          d + done <= 183,
        );
      }),
    );
  });
  it('pauseDays cannot exceed the yearly total as a field', () => {
    const f = findType(CATALOGUE, 'CHG_PAUSE')!.fields.find((x) => x.key === 'pauseDays')!;
    expect(f.max).toBe(183);
  });
});

describe('暂换: a larger transformer because of a fault, 2 months (≤ 20 kV) or 3 months (≥ 35 kV)', () => {
  const larger = ruleOf('CHG_SWAP', 'SWAP_LARGER');
  const period = ruleOf('CHG_SWAP', 'MAX_MONTHS');
  it.each([
    [{ swapCause: 'fault', currentKva: 630, swapKva: 800 }, undefined],
    [{ swapCause: 'fault', currentKva: 630, swapKva: 500 }, '暂换变压器容量须大于原变压器容量'],
    [{ swapCause: 'fault', currentKva: 630, swapKva: 630 }, '暂换变压器容量须大于原变压器容量'],
    [{ swapCause: 'other', currentKva: 630, swapKva: 800 }, '暂换仅限受电变压器故障时办理'],
  ])('%o → %s', (fields, reason) => expect(larger(fields)?.zh).toBe(reason));
  it.each([
    ['10', '2026-03-10', '2026-05-10', true],
    ['10', '2026-03-10', '2026-05-11', false],
    ['20', '2026-03-10', '2026-05-11', false],
    ['35', '2026-03-10', '2026-06-10', true],
    ['110', '2026-03-10', '2026-06-11', false],
    ['10', '2026-03-10', '2026-03-10', false],
  ])('%s kV from %s to %s: allowed %s', (voltageKv, swapFrom, swapUntil, ok) => {
    expect(period({ voltageKv, swapFrom, swapUntil }) === undefined).toBe(ok);
  });
});

describe('暂拆 and its restore, 减容恢复', () => {
  it.each([
    ['2026-03-10', '2026-09-10', true],
    ['2026-03-10', '2026-09-11', false],
  ])('暂拆 from %s until %s: allowed %s', (removeFrom, removeUntil, ok) => {
    expect(ruleOf('CHG_TEMP_REMOVE', 'MAX_MONTHS')({ removeFrom, removeUntil }) === undefined).toBe(
      ok,
    );
  });
  it('复装 after 6 months is a new connection; 减容恢复 after 2 years a new connection or increase', () => {
    const reinstall = ruleOf('CHG_TEMP_REMOVE_RESTORE', 'WITHIN_MONTHS_OF');
    expect(reinstall({ removedOn: '2025-09-10', restoreFrom: '2026-03-10' })).toBeUndefined();
    expect(reinstall({ removedOn: '2025-09-09', restoreFrom: '2026-03-10' })?.zh).toContain(
      '须按新装办理',
    );
    const restore = ruleOf('CHG_REDUCE_RESTORE', 'WITHIN_MONTHS_OF');
    expect(restore({ reducedOn: '2024-03-10', restoreFrom: '2026-03-10' })).toBeUndefined();
    expect(restore({ reducedOn: '2024-03-09', restoreFrom: '2026-03-10' })?.zh).toContain(
      '新装或增容',
    );
  });
});

describe('分户, 并户, 迁址', () => {
  it('分户 and 并户 need charges settled first', () => {
    for (const code of ['CHG_SPLIT', 'CHG_MERGE']) {
      expect(ruleOf(code, 'CHARGES_SETTLED')({ chargesSettled: 'no' })?.zh).toContain('结清');
      expect(ruleOf(code, 'CHARGES_SETTLED')({ chargesSettled: 'yes' })).toBeUndefined();
    }
  });
  it('并户: same supply point, capacity not above the sum (property)', () => {
    expect(ruleOf('CHG_MERGE', 'SAME_SUPPLY_POINT')({ sameSupplyPoint: 'no' })?.zh).toContain(
      '同一供电点',
    );
    const sum = ruleOf('CHG_MERGE', 'NOT_ABOVE_SUM');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 12000 }),
        (a, b, merged) => {
          expect(sum({ currentKva: a, otherKva: b, mergedKva: merged }) === undefined).toBe(
            merged <= a + b,
          );
        },
      ),
    );
  });
  it.each([
    ['2026-03-07', true],
    ['2026-03-06', false],
  ])('迁址 on %s asked on Mon 03-02 (5 calendar days): allowed %s', (moveOn, ok) => {
    expect(ruleOf('CHG_RELOCATE', 'ADVANCE_NOTICE')({ moveOn }) === undefined).toBe(ok);
  });
});

describe('ADVANCE_NOTICE counts on the loaded calendar', () => {
  // 2027 is past the bundled data: with a loaded notice (New Year off 01-01..01-03, make-up
  // working Sat 01-09 is invented for the test) the earliest date differs from plain Mon–Fri.
  const y2027 = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-04', '2027-01-05'],
    workdays: ['2027-01-09'],
  };
  const notice = ruleOf('CHG_PAUSE', 'ADVANCE_NOTICE');
  const now = new Date('2026-12-31T10:00:00+08:00');
  it('without 2027: Mon–Fri, 5 working days from Thu 12-31 is 2027-01-07', () => {
    expect(notice({ pauseFrom: '2027-01-07' }, now, createCalendar())).toBeUndefined();
  });
  it('with 2027 loaded: the holidays push it to 2027-01-11', () => {
    const cal = createCalendar([y2027]);
    // Working days after 12-31: 01-06, 01-07, 01-08, 01-09 (make-up), 01-11.
    expect(notice({ pauseFrom: '2027-01-07' }, now, cal)?.zh).toContain('2027-01-11');
    expect(notice({ pauseFrom: '2027-01-11' }, now, cal)).toBeUndefined();
  });
});
