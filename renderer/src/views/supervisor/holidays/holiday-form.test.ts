import { describe, expect, it } from 'vitest';
import { CalendarYearSchema } from '../../../../../shared/deadline/calendar-year';
import {
  bundledYear,
  fromCalendarYear,
  hasErrors,
  toCalendarYear,
  validateHolidayForm,
  type HolidayFormValue,
} from './holiday-form';

// 2027: Friday 01-29, Saturday 01-30, Monday 02-01 … Friday 02-05, Saturday 02-06.
const good = (): HolidayFormValue => ({
  year: 2027,
  periods: [
    { name: '春节', range: ['2027-02-01', '2027-02-05'] },
    { name: '元旦', range: ['2027-01-01', '2027-01-01'] },
  ],
  workdays: ['2027-01-30'],
});

describe('holiday form', () => {
  it('turns ranges into the calendar year the services take (and the schema accepts)', () => {
    const form = good();
    expect(hasErrors(validateHolidayForm(form))).toBe(false);
    const year = toCalendarYear(form);
    expect(year.holidays).toEqual([
      '2027-01-01',
      '2027-02-01',
      '2027-02-02',
      '2027-02-03',
      '2027-02-04',
      '2027-02-05',
    ]);
    expect(year.workdays).toEqual(['2027-01-30']);
    expect(year.periods.map((p) => p.name)).toEqual(['元旦', '春节']);
    expect(CalendarYearSchema.safeParse(year).success).toBe(true);
  });

  it('names what is wrong on each row', () => {
    const form = good();
    form.periods.push({ name: '', range: ['2027-05-01', '2027-05-03'] });
    form.periods.push({ name: '重叠', range: ['2027-02-05', '2027-02-07'] });
    form.periods.push({ name: '去年', range: ['2026-12-31', '2027-01-01'] });
    form.periods.push({ name: '未选', range: null });
    form.workdays.push('2027-02-03', '2027-02-08', '2027-01-30', null, '2028-01-01');
    const errors = validateHolidayForm(form);
    expect(errors.periods.map((e) => e?.key ?? null)).toEqual([
      'overlap',
      'overlap',
      'nameRequired',
      'overlap',
      'outsideYear',
      'rangeRequired',
    ]);
    expect(errors.periods[3]?.values).toEqual({ name: '春节' });
    expect(errors.workdays.map((e) => e?.key ?? null)).toEqual([
      null,
      'workdayInHoliday',
      'notWeekend',
      'duplicate',
      'dateRequired',
      'outsideYear',
    ]);
    expect(hasErrors(errors)).toBe(true);
  });

  it('refuses an empty year', () => {
    expect(validateHolidayForm({ year: 2027, periods: [], workdays: [] }).empty).toBe(true);
  });

  it('reads a stored year back: by name when kept, by runs of days otherwise', () => {
    const saved = toCalendarYear(good());
    expect(fromCalendarYear(saved, '假期').periods).toEqual([
      { name: '元旦', range: ['2027-01-01', '2027-01-01'] },
      { name: '春节', range: ['2027-02-01', '2027-02-05'] },
    ]);
    const bare = fromCalendarYear(
      { year: 2027, holidays: saved.holidays, workdays: saved.workdays },
      '假期',
    );
    expect(bare.periods).toEqual([
      { name: '假期', range: ['2027-01-01', '2027-01-01'] },
      { name: '假期', range: ['2027-02-01', '2027-02-05'] },
    ]);
  });

  it('starts a bundled year from the State Council notice, with names', () => {
    const y2026 = bundledYear(2026);
    expect(y2026?.periods.find((p) => p.name === '国庆节')?.range).toEqual([
      '2026-10-01',
      '2026-10-07',
    ]);
    expect(y2026?.workdays).toContain('2026-10-10');
    expect(y2026 && hasErrors(validateHolidayForm(y2026))).toBe(false);
    expect(bundledYear(2099)).toBeNull();
  });
});
