import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_DATA_LAST_YEAR,
  isWorkingDay,
  workingDaysBetween,
} from './calendar';
import {
  computeDeadline,
  deadlineWarning,
  effectiveAcceptanceDay,
  formatRemaining,
} from './deadline';
import { hallDate, hallMinutes, toHallIso } from '../hall-time';

// Dates below are read from chinese-days' data (dist/chinese-days.json), not guessed:
// 2025 Spring Festival off 01-28..02-04, make-up 01-26 (Sun), 02-08 (Sat);
// 2025 National Day + Mid-autumn off 10-01..10-08, make-up 09-28 (Sun), 10-11 (Sat);
// 2026 New Year off 01-01..01-03, make-up 01-04 (Sun);
// 2026 Spring Festival off 02-15..02-23, make-up 02-14 (Sat), 02-28 (Sat);
// 2026 Mid-autumn off 09-25..09-27; National Day off 10-01..10-07, make-up 09-20 (Sun), 10-10 (Sat).

describe('isWorkingDay', () => {
  it.each([
    ['2025-01-26', true, 'Sunday make-up day before Spring Festival'],
    ['2025-01-28', false, 'Spring Festival eve holiday (Tuesday)'],
    ['2025-02-04', false, 'last Spring Festival day (Tuesday)'],
    ['2025-02-08', true, 'Saturday make-up day'],
    ['2025-03-01', false, 'ordinary Saturday'],
    ['2025-03-03', true, 'ordinary Monday'],
    ['2025-09-28', true, 'Sunday make-up day before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last National Day holiday (Wednesday)'],
    ['2025-10-11', true, 'Saturday make-up day after National Day'],
    ['2026-01-02', false, 'New Year holiday (Friday)'],
    ['2026-01-04', true, 'Sunday make-up day'],
    ['2026-02-14', true, 'Saturday make-up day before Spring Festival'],
    ['2026-02-23', false, 'Monday in Spring Festival'],
    ['2026-02-28', true, 'Saturday make-up day after Spring Festival'],
    ['2026-09-20', true, 'Sunday make-up day'],
    ['2026-09-25', false, 'Mid-autumn (Friday)'],
    ['2026-10-07', false, 'last National Day holiday (Wednesday)'],
    ['2026-10-10', true, 'Saturday make-up day'],
  ])('%s is working: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('covers 2026 at least and rejects malformed dates', () => {
    expect(CALENDAR_DATA_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(() => isWorkingDay('2025-10-1')).toThrow(RangeError);
  });

  it('counts working days across the 2025 National Day break', () => {
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
    expect(workingDaysBetween('2025-10-14', '2025-09-30')).toBe(-5);
  });
});

describe('computeDeadline', () => {
  const at = (iso: string): Date => new Date(iso);
  it.each([
    // accepted (hall time), working days, deadline (hall time)
    [
      '2025-09-30T10:00:00+08:00',
      5,
      '2025-10-14T17:30:00.000+08:00',
      'across National Day, Sat 10-11 counts',
    ],
    ['2025-09-30T17:29:59+08:00', 1, '2025-10-09T17:30:00.000+08:00', 'just before closing'],
    [
      '2025-09-30T17:30:00+08:00',
      1,
      '2025-10-10T17:30:00.000+08:00',
      'at closing: starts next working day',
    ],
    ['2025-09-30T18:00:00+08:00', 5, '2025-10-15T17:30:00.000+08:00', 'after hours'],
    [
      '2025-09-27T10:00:00+08:00',
      5,
      '2025-10-11T17:30:00.000+08:00',
      'Saturday → Sunday make-up day',
    ],
    ['2025-10-03T10:00:00+08:00', 5, '2025-10-15T17:30:00.000+08:00', 'during the holiday'],
    [
      '2025-10-09T07:00:00+08:00',
      5,
      '2025-10-15T17:30:00.000+08:00',
      'before opening on a working day',
    ],
    [
      '2025-09-30T23:30:00Z',
      5,
      '2025-10-15T17:30:00.000+08:00',
      'UTC input that is 10-01 in the hall',
    ],
    ['2025-01-25T12:00:00+08:00', 5, '2025-02-08T17:30:00.000+08:00', '2025 Spring Festival'],
    ['2026-02-13T09:00:00+08:00', 5, '2026-02-27T17:30:00.000+08:00', '2026 Spring Festival'],
    [
      '2026-02-13T09:00:00+08:00',
      6,
      '2026-02-28T17:30:00.000+08:00',
      'ends on a Saturday make-up day',
    ],
    [
      '2026-02-13T09:00:00+08:00',
      22,
      '2026-03-23T17:30:00.000+08:00',
      'high voltage, single supply',
    ],
    [
      '2026-09-18T10:00:00+08:00',
      5,
      '2026-09-24T17:30:00.000+08:00',
      'Sunday make-up 09-20 counts',
    ],
    ['2026-09-30T10:00:00+08:00', 3, '2026-10-10T17:30:00.000+08:00', '2026 National Day'],
    ['2025-12-31T10:00:00+08:00', 1, '2026-01-04T17:30:00.000+08:00', 'New Year → Sunday make-up'],
    [
      '2025-03-03T10:00:00+08:00',
      0,
      '2025-03-03T17:30:00.000+08:00',
      'zero days: closing time today',
    ],
  ])('%s + %i working days → %s (%s)', (accepted, days, expected) => {
    expect(toHallIso(computeDeadline(at(accepted), days))).toBe(expected);
  });

  it('honours configured working hours', () => {
    const hours = { start: '09:00', end: '17:00' };
    expect(toHallIso(computeDeadline(at('2025-03-03T16:59:00+08:00'), 1, hours))).toBe(
      '2025-03-04T17:00:00.000+08:00',
    );
    expect(toHallIso(computeDeadline(at('2025-03-03T17:00:00+08:00'), 1, hours))).toBe(
      '2025-03-05T17:00:00.000+08:00',
    );
    expect(() =>
      computeDeadline(at('2025-03-03T10:00:00+08:00'), 1, { start: '18:00', end: '17:00' }),
    ).toThrow();
    expect(() => computeDeadline(at('2025-03-03T10:00:00+08:00'), -1)).toThrow();
  });

  it('never ends on a non-working day and always at closing time (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 40 }),
        (acceptedAt, days) => {
          const deadline = computeDeadline(acceptedAt, days);
          expect(isWorkingDay(hallDate(deadline))).toBe(true);
          expect(hallMinutes(deadline)).toBe(17 * 60 + 30);
          expect(deadline.getTime()).toBeGreaterThan(acceptedAt.getTime());
          const start = effectiveAcceptanceDay(acceptedAt);
          expect(workingDaysBetween(start, hallDate(deadline))).toBe(days);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same answers whatever the process time zone', () => {
    const child = fileURLToPath(new URL('./test-fixtures/tz-child.ts', import.meta.url));
    const results = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map(
      (tz) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', child], {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(0);
        return r.stdout;
      },
    );
    expect(JSON.parse(results[0]!)).toEqual({
      deadlines: [
        '2025-10-11T09:30:00.000Z',
        '2025-10-14T09:30:00.000Z',
        '2026-02-27T09:30:00.000Z',
        '2025-10-15T09:30:00.000Z',
      ],
      working: [true, false, true, false],
    });
    for (const r of results) expect(r).toBe(results[0]);
  });
});

describe('formatRemaining and warnings', () => {
  const deadline = new Date('2025-10-14T17:30:00+08:00');
  it.each([
    ['2025-10-12T14:30:00+08:00', '剩2天3小时', '2d 3h left'],
    ['2025-10-14T14:30:00+08:00', '剩3小时', '3h left'],
    ['2025-10-14T17:00:00+08:00', '剩30分钟', '30m left'],
    ['2025-10-15T18:30:00+08:00', '已超1天', '1d overdue'],
    ['2025-10-14T20:30:00+08:00', '已超3小时', '3h overdue'],
  ])('at %s: %s / %s', (now, zh, en) => {
    expect(formatRemaining(deadline, new Date(now), 'zh-CN')).toBe(zh);
    expect(formatRemaining(deadline, new Date(now), 'en')).toBe(en);
  });

  it.each([
    ['2025-10-09T10:00:00+08:00', 'none'],
    ['2025-10-13T10:00:00+08:00', 'yellow'],
    ['2025-10-12T10:00:00+08:00', 'none'], // Sunday: Monday still lies between
    ['2025-10-14T09:00:00+08:00', 'orange'],
    ['2025-10-14T17:31:00+08:00', 'red'],
  ])('warning at %s is %s', (now, expected) => {
    expect(deadlineWarning(deadline, new Date(now))).toBe(expected);
  });
});
