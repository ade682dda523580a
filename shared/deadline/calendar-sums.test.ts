import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  createCalendar,
  DEFAULT_CALENDAR,
  type WorkingCalendar,
} from './calendar';

/** The count addWorkingDays stands for, one calendar day at a time. */
function counted(date: string, n: number, cal: WorkingCalendar): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addCalendarDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

const dates = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((offset) => addCalendarDays('2025-01-01', offset));

describe('addWorkingDays on a calendar it keeps sums for', () => {
  it('answers as a day-by-day count, asked once or again', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 40 }), (date, n) => {
        const expected = counted(date, n, DEFAULT_CALENDAR);
        expect(addWorkingDays(date, n)).toBe(expected);
        expect(addWorkingDays(date, n)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers one calendar with another’s sum', () => {
    // 2025-10-01..08 are days off on the bundled calendar; a loaded notice makes them working.
    const plain = createCalendar([{ year: 2025, holidays: [], workdays: [] }]);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 1, plain)).toBe('2025-10-01');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('counts on a calendar of the caller’s own every time (it may change its answers)', () => {
    let closed = new Set<string>();
    const own: WorkingCalendar = {
      isWorkingDay: (d) => !closed.has(d),
      covers: () => true,
      loadedYears: [],
    };
    expect(addWorkingDays('2026-12-01', 2, own)).toBe('2026-12-03');
    closed = new Set(['2026-12-02']);
    expect(addWorkingDays('2026-12-01', 2, own)).toBe('2026-12-04');
  });

  it('still refuses a date that is not YYYY-MM-DD', () => {
    expect(() => addWorkingDays('2026-13-01x', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-13-01x', 1)).toThrow(RangeError);
  });
});
