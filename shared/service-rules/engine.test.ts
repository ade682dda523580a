import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, findType } from '../catalogue';
import type { BusinessType } from '../catalogue/types';
import {
  hallDate,
  hallMinutes,
  isWorkingDay,
  toHallIso,
  workingDaysBetween,
  effectiveAcceptanceDay,
} from '../deadline';
import { t } from '../text';
import {
  complaintDeadlines,
  DEFAULT_RULE_SETS,
  processDeadline,
  repeatLevel,
  RULE_SET_2026_1,
  ruleSetAt,
  ServiceRuleSetSchema,
  stageDeadline,
  visitDeadline,
  type ServiceRuleSet,
} from './index';

const type = (code: string): BusinessType => {
  const found = findType(CATALOGUE, code);
  if (!found) throw new Error(`no type ${code}`);
  return found;
};

// Figures from docs/domain.md "Deadlines and 红橙黄 warnings", written out here rather than read from the catalogue.
const FAMILY_DAYS: Record<string, number> = {
  lv_resident: 5,
  lv_business: 6,
  hv: 22,
  change: 5,
};
const expectedDays = (bt: BusinessType, kind: string, dual = false): number =>
  bt.family === 'change' ? FAMILY_DAYS.change! : kind === 'hv' && dual ? 32 : FAMILY_DAYS[kind]!;

// 2026: Mid-autumn 09-25..27, National Day 10-01..07 off; make-up 09-20 (Sun) and 10-10 (Sat).
// From Wed 09-30 the working days are 10-08, 10-09, 10-10, 10-12, 10-13 (5th), 10-14 (6th),
// … 11-05 (22nd), … 11-19 (32nd).
const BY_DAYS: Record<number, string> = {
  5: '2026-10-13',
  6: '2026-10-14',
  22: '2026-11-05',
  32: '2026-11-19',
};

describe('every type gets its family limit (accepted 2026-09-30 10:00, before National Day)', () => {
  const accepted = new Date('2026-09-30T10:00:00+08:00');
  const cases = CATALOGUE.types.flatMap((bt) =>
    bt.accountKinds.flatMap((kind) =>
      kind === 'hv' && bt.family !== 'change'
        ? [
            [bt.code, kind, false],
            [bt.code, kind, true],
          ]
        : [[bt.code, kind, false]],
    ),
  ) as [string, string, boolean][];

  it.each(cases)('%s for %s (dual supply: %s)', (code, kind, dual) => {
    const bt = type(code);
    const values = dual ? { supplyMode: 'dual' } : { supplyMode: 'single' };
    const d = processDeadline(DEFAULT_RULE_SETS, bt, values, accepted);
    const days = expectedDays(bt, kind, dual);
    expect(d.workingDays).toBe(days);
    expect(toHallIso(d.deadlineAt)).toBe(`${BY_DAYS[days]}T17:30:00.000+08:00`);
    expect(d.ruleVersion).toBe('2026.1');
  });

  it('covers all 24 types', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBe(24);
  });
});

describe('Spring Festival 2026 and hours (off 02-15..23, make-up Sat 02-14 and 02-28)', () => {
  const household = type('NEW_LV_RES');
  it.each([
    ['2026-02-13T09:00:00+08:00', '2026-02-27', 'Friday before the break'],
    ['2026-02-13T18:00:00+08:00', '2026-02-28', 'after closing: starts Sat 02-14 (make-up)'],
    ['2026-02-14T16:00:00+08:00', '2026-02-28', 'on the make-up Saturday, within hours'],
    ['2026-02-15T10:00:00+08:00', '2026-03-02', 'during the holiday: starts 02-24'],
    ['2026-02-24T07:59:00+08:00', '2026-03-02', 'before opening on the first day back'],
  ])('%s → %s (%s)', (accepted, due) => {
    const d = processDeadline(DEFAULT_RULE_SETS, household, {}, new Date(accepted));
    expect(toHallIso(d.deadlineAt)).toBe(`${due}T17:30:00.000+08:00`);
  });
});

describe('versioned rule sets', () => {
  const LATER: ServiceRuleSet = {
    ...RULE_SET_2026_1,
    version: '2026.2',
    effectiveFrom: '2026-07-01',
    basis: t('测试用规则', 'Test rules'),
    types: { NEW_LV_RES: { ...type('NEW_LV_RES').deadline, workingDays: 3 } },
    complaints: { contactHours: 12, answerWorkingDays: 3, visitWorkingDays: 2 },
  };
  const sets = [LATER, RULE_SET_2026_1];

  it('uses the set in force at acceptance, by hall date', () => {
    expect(ruleSetAt(sets, new Date('2026-06-30T23:59:00+08:00')).version).toBe('2026.1');
    // 2026-06-30T16:00Z is already 07-01 in the hall.
    expect(ruleSetAt(sets, new Date('2026-06-30T16:00:00Z')).version).toBe('2026.2');
    // Older than every set: the oldest applies.
    expect(ruleSetAt(sets, new Date('2024-05-01T10:00:00+08:00')).version).toBe('2026.1');
  });

  it('an application keeps the figures of its acceptance day', () => {
    const household = type('NEW_LV_RES');
    const before = processDeadline(sets, household, {}, new Date('2026-06-30T10:00:00+08:00'));
    const after = processDeadline(sets, household, {}, new Date('2026-07-01T10:00:00+08:00'));
    expect([before.workingDays, before.ruleVersion]).toEqual([5, '2026.1']);
    expect([after.workingDays, after.ruleVersion]).toEqual([3, '2026.2']);
    // Tue 06-30 + 5 = Tue 07-07; Wed 07-01 + 3 = Mon 07-06.
    expect(hallDate(before.deadlineAt)).toBe('2026-07-07');
    expect(hallDate(after.deadlineAt)).toBe('2026-07-06');
    // Types the set does not list keep the catalogue figure.
    expect(
      processDeadline(sets, type('NEW_LV_BIZ'), {}, new Date('2026-07-01T10:00:00+08:00'))
        .workingDays,
    ).toBe(6);
  });

  it('complaint limits are versioned too', () => {
    const c = complaintDeadlines(sets, new Date('2026-07-01T10:00:00+08:00'));
    expect(toHallIso(c.contactDueAt)).toBe('2026-07-01T22:00:00.000+08:00');
    expect(hallDate(c.answerDueAt)).toBe('2026-07-06');
    const old = complaintDeadlines(sets, new Date('2026-06-30T10:00:00+08:00'));
    expect(toHallIso(old.contactDueAt)).toBe('2026-07-01T10:00:00.000+08:00');
    expect(hallDate(old.answerDueAt)).toBe('2026-07-07');
    expect(
      hallDate(
        visitDeadline(
          sets,
          new Date('2026-07-01T10:00:00+08:00'),
          new Date('2026-07-03T15:00:00+08:00'),
        ),
      ),
    ).toBe('2026-07-07');
  });

  it('rejects malformed sets and accepts the default', () => {
    expect(ServiceRuleSetSchema.safeParse(RULE_SET_2026_1).success).toBe(true);
    expect(
      ServiceRuleSetSchema.safeParse({ ...RULE_SET_2026_1, effectiveFrom: '2026-7-1' }).success,
    ).toBe(false);
    expect(
      ServiceRuleSetSchema.safeParse({
        ...RULE_SET_2026_1,
        repeat: { windowDays: 30, orangeAt: 3, redAt: 2 },
      }).success,
    ).toBe(false);
  });

  it('repeat levels: second orange, third red', () => {
    expect([1, 2, 3, 4].map((n) => repeatLevel(RULE_SET_2026_1, n))).toEqual([
      'none',
      'orange',
      'red',
      'red',
    ]);
  });
});

describe('stage limits (高压)', () => {
  const hv = type('NEW_HV');
  const accepted = new Date('2026-03-02T10:00:00+08:00');
  it.each([
    ['PLAN_REPLY', 'single', 15],
    ['PLAN_REPLY', 'dual', 30],
    ['DESIGN_REVIEW', 'single', 10],
    ['MID_INSPECT', 'dual', 5],
    ['COMPLETION_ACCEPT', 'single', 5],
    ['METER_ENERGIZE', 'single', 5],
  ])('%s (%s supply) allows %i working days from entering the stage', (stage, supplyMode, days) => {
    // Entered the stage on Fri 2026-09-18 15:00; 09-20 (Sun) is a make-up day, 09-25..10-07 off.
    const entered = new Date('2026-09-18T15:00:00+08:00');
    const due = stageDeadline(DEFAULT_RULE_SETS, hv, { supplyMode }, accepted, stage, entered);
    expect(due).not.toBeNull();
    expect(workingDaysBetween('2026-09-18', hallDate(due!))).toBe(days);
  });

  it('a stage without its own limit has no stage deadline', () => {
    expect(stageDeadline(DEFAULT_RULE_SETS, hv, {}, accepted, 'SURVEY', accepted)).toBeNull();
    expect(
      stageDeadline(
        DEFAULT_RULE_SETS,
        type('NEW_LV_RES'),
        {},
        accepted,
        'METER_ENERGIZE',
        accepted,
      ),
    ).toBeNull();
  });

  it('a stage deadline never falls on a non-working day (property)', () => {
    const stages = [
      'PLAN_REPLY',
      'DESIGN_REVIEW',
      'MID_INSPECT',
      'COMPLETION_ACCEPT',
      'METER_ENERGIZE',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-10-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...stages),
        fc.constantFrom('single', 'dual'),
        (entered, stage, supplyMode) => {
          const due = stageDeadline(DEFAULT_RULE_SETS, hv, { supplyMode }, entered, stage, entered);
          expect(due).not.toBeNull();
          expect(isWorkingDay(hallDate(due!))).toBe(true);
          expect(hallMinutes(due!)).toBe(17 * 60 + 30);
          expect(due!.getTime()).toBeGreaterThan(entered.getTime());
          const limit =
            { PLAN_REPLY: supplyMode === 'dual' ? 30 : 15, DESIGN_REVIEW: 10 }[
              stage as 'PLAN_REPLY'
            ] ?? 5;
          expect(workingDaysBetween(effectiveAcceptanceDay(entered), hallDate(due!))).toBe(limit);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
