import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_DATA_LAST_YEAR, createCalendar, DEFAULT_CALENDAR } from './calendar';
import { computeDeadlineInfo, isProvisional, uncoveredYears } from './provisional';
import { hallDate, toHallIso } from '../hall-time';

const at = (s: string) => new Date(`${s}+08:00`);

describe('deadlines across holidays with 调休 (bundled calendar)', () => {
  it.each([
    // New Year 2026: 01-01..03 off, Sun 01-04 a working day; the count crosses the year.
    ['2025-12-31T10:00:00', 5, '2026-01-08', 'New Year with make-up Sunday 01-04'],
    ['2025-12-31T18:00:00', 1, '2026-01-05', 'after closing: starts on Sun 01-04 (make-up)'],
    // Spring Festival 2025: 01-28..02-04 off, Sun 01-26 and Sat 02-08 working.
    ['2025-01-24T10:00:00', 5, '2025-02-07', 'Spring Festival'],
    ['2025-01-24T10:00:00', 6, '2025-02-08', 'ends on make-up Saturday 02-08'],
    // National Day 2025: 10-01..08 off, Sun 09-28 and Sat 10-11 working.
    ['2025-09-26T10:00:00', 5, '2025-10-10', 'National Day'],
    ['2025-09-26T10:00:00', 6, '2025-10-11', 'ends on make-up Saturday 10-11'],
  ])('%s + %i working days → %s (%s)', (accepted, days, due) => {
    const d = computeDeadlineInfo(at(accepted), days);
    expect(toHallIso(d.deadlineAt)).toBe(`${due}T17:30:00.000+08:00`);
    expect(d.provisional).toBe(false);
  });
});

describe('past the end of the calendar data', () => {
  const next = CALENDAR_DATA_LAST_YEAR + 1;
  const lastDay = `${CALENDAR_DATA_LAST_YEAR}-12-31T10:00:00`;

  it(`a count reaching ${next} is provisional and names the year to load`, () => {
    const d = computeDeadlineInfo(at(lastDay), 5);
    expect(hallDate(d.deadlineAt) > `${CALENDAR_DATA_LAST_YEAR}-12-31`).toBe(true);
    expect(d.provisional).toBe(true);
    expect(d.uncoveredYears).toEqual([next]);
  });

  it('loading the year makes it final, and the date follows the notice', () => {
    // An invented notice for the test: 01-01 and the following Monday off.
    const jan1 = `${next}-01-01`;
    const firstMonday = [1, 2, 3, 4, 5, 6, 7]
      .map((d) => `${next}-01-0${d}`)
      .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    const cal = createCalendar([{ year: next, holidays: [jan1, firstMonday], workdays: [] }]);
    const plain = computeDeadlineInfo(at(lastDay), 5);
    const loaded = computeDeadlineInfo(at(lastDay), 5, undefined, cal);
    expect(loaded.provisional).toBe(false);
    expect(loaded.uncoveredYears).toEqual([]);
    expect(loaded.deadlineAt.getTime()).toBeGreaterThan(plain.deadlineAt.getTime());
    expect(isProvisional(at(lastDay), plain.deadlineAt)).toBe(true);
    expect(isProvisional(at(lastDay), plain.deadlineAt, cal)).toBe(false);
  });

  it('is provisional exactly when the due date falls in an uncovered year (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date(`${next}-06-30T00:00:00Z`),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 40 }),
        (accepted, days) => {
          const d = computeDeadlineInfo(accepted, days);
          const dueYear = Number(hallDate(d.deadlineAt).slice(0, 4));
          expect(d.provisional).toBe(dueYear > CALENDAR_DATA_LAST_YEAR);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('lists every uncovered year between two dates', () => {
    expect(uncoveredYears(`${next}-12-30`, `${next + 2}-01-05`)).toEqual([
      next,
      next + 1,
      next + 2,
    ]);
    expect(uncoveredYears('2025-01-01', '2025-12-31')).toEqual([]);
  });
});

describe('bundled data', () => {
  it('covers every year the installed chinese-days package has', () => {
    const years = [
      ...new Set(Object.keys(calendarData.holidays).map((k) => Number(k.slice(0, 4)))),
    ];
    for (const y of years) expect(DEFAULT_CALENDAR.covers(y), String(y)).toBe(true);
    expect(CALENDAR_DATA_LAST_YEAR).toBe(Math.max(...years));
  });
});
