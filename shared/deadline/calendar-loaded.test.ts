import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_DATA_LAST_YEAR,
  createCalendar,
  DEFAULT_CALENDAR,
  type CalendarYear,
} from './calendar';
import { CalendarYearSchema } from './calendar-year';
import {
  computeDeadline,
  deadlineWarning,
  warningBounds,
  warningRange,
  type DeadlineWarning,
} from './deadline';
import { hallDate, hallInstant, toHallIso } from '../hall-time';

// A made-up notice for a year the bundled data does not cover: only the shape is real.
const NEXT = CALENDAR_DATA_LAST_YEAR + 1;
const FICTIONAL: CalendarYear = {
  year: NEXT,
  holidays: [`${NEXT}-01-01`, `${NEXT}-03-02`, `${NEXT}-03-03`],
  workdays: [],
};

describe('a loaded calendar year', () => {
  it('is not covered by the bundled data, and is once loaded', () => {
    expect(DEFAULT_CALENDAR.covers(NEXT)).toBe(false);
    expect(DEFAULT_CALENDAR.covers(2026)).toBe(true);
    const cal = createCalendar([FICTIONAL]);
    expect(cal.covers(NEXT)).toBe(true);
    expect(cal.loadedYears).toEqual([NEXT]);
  });

  it('moves deadlines only for the calendar that has it', () => {
    // Find the Monday in the first week of March of NEXT, so the fixture adapts to the year.
    const mar = [1, 2, 3, 4, 5, 6, 7].map((d) => `${NEXT}-03-0${d}`);
    const holiday = `${NEXT}-03-02`;
    const cal = createCalendar([{ year: NEXT, holidays: [holiday], workdays: [] }]);
    const weekdayBefore = mar.find((d) => d < holiday && cal.isWorkingDay(d));
    const plain = DEFAULT_CALENDAR.isWorkingDay(holiday);
    expect(cal.isWorkingDay(holiday)).toBe(false);
    if (plain && weekdayBefore) {
      const accepted = hallInstant(weekdayBefore, 10 * 60);
      const a = computeDeadline(accepted, 1);
      const b = computeDeadline(accepted, 1, undefined, cal);
      expect(hallDate(a)).toBe(holiday);
      expect(hallDate(b)).not.toBe(holiday);
      expect(b.getTime()).toBeGreaterThan(a.getTime());
    }
  });

  it('replaces a bundled year wholesale (a corrected notice)', () => {
    // Pretend the 2026 National Day notice was corrected: 10-08 (Thu) becomes a holiday too.
    const cal = createCalendar([
      {
        year: 2026,
        holidays: [
          '2026-10-01',
          '2026-10-02',
          '2026-10-05',
          '2026-10-06',
          '2026-10-07',
          '2026-10-08',
        ],
        workdays: ['2026-10-10'],
      },
    ]);
    expect(cal.isWorkingDay('2026-10-08')).toBe(false);
    // Bundled 2026 data for other dates is dropped with the year: 09-20 is a plain Sunday now.
    expect(cal.isWorkingDay('2026-09-20')).toBe(false);
    expect(DEFAULT_CALENDAR.isWorkingDay('2026-09-20')).toBe(true);
    expect(
      toHallIso(computeDeadline(new Date('2026-09-30T10:00:00+08:00'), 1, undefined, cal)),
    ).toBe('2026-10-09T17:30:00.000+08:00');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('checks a notice before it is used', () => {
    expect(CalendarYearSchema.safeParse(FICTIONAL).success).toBe(true);
    const bad = (y: unknown) => CalendarYearSchema.safeParse(y).success;
    expect(bad({ ...FICTIONAL, holidays: [`${NEXT - 1}-12-31`] })).toBe(false);
    expect(bad({ ...FICTIONAL, holidays: ['2027-1-1'] })).toBe(false);
    // 2026-03-02 is a Monday: a weekday cannot be a make-up working day.
    expect(bad({ year: 2026, holidays: [], workdays: ['2026-03-02'] })).toBe(false);
    expect(bad({ year: 2026, holidays: ['2026-03-07'], workdays: ['2026-03-07'] })).toBe(false);
    expect(bad({ year: 2026, holidays: [], workdays: ['2026-03-07'] })).toBe(true);
  });
});

describe('configurable warning thresholds', () => {
  const due = new Date('2026-10-14T17:30:00+08:00'); // Wednesday after National Day
  it.each([
    // now, default, orange=1/yellow=3
    ['2026-10-14T09:00:00+08:00', 'orange', 'orange'],
    ['2026-10-13T09:00:00+08:00', 'yellow', 'orange'],
    ['2026-10-12T09:00:00+08:00', 'none', 'yellow'],
    ['2026-10-10T09:00:00+08:00', 'none', 'yellow'], // make-up Sat: 3 working days left
    ['2026-10-09T09:00:00+08:00', 'none', 'none'], // Fri: the make-up Sat counts, 4 left
    ['2026-10-08T09:00:00+08:00', 'none', 'none'],
    ['2026-10-14T17:30:00+08:00', 'orange', 'orange'],
    ['2026-10-14T17:30:01+08:00', 'red', 'red'],
  ])('at %s: %s by default, %s with orange 1 / yellow 3', (now, byDefault, wider) => {
    expect(deadlineWarning(due, new Date(now))).toBe(byDefault);
    expect(
      deadlineWarning(due, new Date(now), {
        thresholds: { orangeWorkingDays: 1, yellowWorkingDays: 3 },
      }),
    ).toBe(wider);
  });

  it('the database ranges give the same level as deadlineWarning (property)', () => {
    const levelIn = (
      at: number,
      now: Date,
      t: { orangeWorkingDays: number; yellowWorkingDays: number },
    ): DeadlineWarning => {
      const b = warningBounds(now, { thresholds: t });
      const hits = (['red', 'orange', 'yellow', 'none'] as const).filter((l) => {
        const r = warningRange(l, b);
        return (r.from === undefined || at >= r.from) && (r.to === undefined || at < r.to);
      });
      expect(hits).toHaveLength(1);
      return hits[0]!;
    };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -3, max: 25 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 5 }),
        (now, days, orange, yellow) => {
          const t = { orangeWorkingDays: orange, yellowWorkingDays: yellow };
          // Deadlines as the engine makes them: closing time of a working day, before or after now.
          const day = addWorkingDays(hallDate(now), Math.max(days, 0));
          const deadline =
            days < 0 ? new Date(now.getTime() + days * 3_600_000) : hallInstant(day, 17 * 60 + 30);
          expect(levelIn(deadline.getTime(), now, t)).toBe(
            deadlineWarning(deadline, now, { thresholds: t }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
