import { describe, expect, it } from 'vitest';
import { CATALOGUE_2026_2 } from './data/catalogue-2026.2';
import { PERSON } from './testing/validate-fixtures';
import { validateApplication, type ApplicationToValidate } from './validate';

/**
 * A 低压居民新装 on single-phase 220 V cannot ask for 99999 kVA: the capacity must fit the
 * phase count (10 kVA single phase, 100 kVA three phase), reported on the capacity field in
 * both languages, in drafts (the form's live check, counter and kiosk) and on submit.
 */
const catalogue = CATALOGUE_2026_2;
const now = new Date('2026-12-01T02:00:00Z');
const household = (requestedKva: number, phases: '1' | '3'): ApplicationToValidate => ({
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: { requestedKva, phases },
  papers: [],
});
const capacityErrors = (input: ApplicationToValidate, mode: 'draft' | 'submit') =>
  validateApplication(catalogue, input, mode, now).errors.filter(
    (e) => e.field === 'fields.requestedKva',
  );

describe('a household capacity by phase count', () => {
  it.each(['draft', 'submit'] as const)('refuses 99999 kVA on single phase (%s)', (mode) => {
    const [error, ...more] = capacityErrors(household(99999, '1'), mode);
    expect(more).toEqual([]);
    expect(error?.message).toBe(
      '申请容量(kVA)：单相220V供电时不能超过 10 kVA，请改选相数或核实容量',
    );
    expect(error?.messageEn).toBe(
      'Requested capacity (kVA): at most 10 kVA on Single phase 220 V supply; choose another phase option or check the capacity',
    );
    expect(error?.message).not.toContain('99999');
  });

  it('holds three-phase household supply to 100 kVA', () => {
    expect(capacityErrors(household(101, '3'), 'draft')[0]?.message).toContain('100 kVA');
    expect(capacityErrors(household(100, '3'), 'draft')).toEqual([]);
  });

  it('accepts what fits: up to 10 kVA on one phase, and more on three', () => {
    expect(capacityErrors(household(10, '1'), 'draft')).toEqual([]);
    expect(capacityErrors(household(8, '1'), 'draft')).toEqual([]);
    expect(capacityErrors(household(11, '1'), 'draft')).toHaveLength(1);
    expect(capacityErrors(household(30, '3'), 'draft')).toEqual([]);
  });
});

describe('a household capacity increase', () => {
  const increaseType = catalogue.types.find((ty) => ty.code === 'INC_LV_RES')!;
  const increase = (existingKva: number, addedKva: number): ApplicationToValidate => ({
    typeCode: 'INC_LV_RES',
    accountKind: 'lv_resident',
    fields: { ...PERSON, idType: 'resident_id', accountNo: '3301234567', existingKva, addedKva },
    papers: increaseType.papers.map((p) => ({ code: p.code, status: 'received' as const })),
  });
  const errorsOf = (input: ApplicationToValidate, mode: 'draft' | 'submit', field: string) =>
    validateApplication(catalogue, input, mode, now).errors.filter((e) => e.field === field);

  it.each(['draft', 'submit'] as const)('refuses 8 + 9000 kVA on the added field (%s)', (mode) => {
    const [error] = errorsOf(increase(8, 9000), mode, 'fields.addedKva');
    expect(error?.message).toContain('100');
    expect(error?.messageEn).toContain('100');
    expect(error?.message).not.toContain('9000');
  });

  it('refuses a total above 100 kVA on submit, in both languages', () => {
    const [error] = errorsOf(increase(80, 40), 'submit', 'rules.MAX_TOTAL');
    expect(error?.message).toContain('100 kVA');
    expect(error?.messageEn).toContain('100 kVA');
  });

  it('accepts a total of exactly 100 kVA', () => {
    expect(validateApplication(catalogue, increase(8, 92), 'submit', now).errors).toEqual([]);
  });
});
