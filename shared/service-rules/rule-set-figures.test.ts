import { describe, expect, it } from 'vitest';
import { CATALOGUE, findType } from '../catalogue';
import { toHallIso } from '../deadline';
import { t } from '../text';
import {
  complaintDeadlines,
  processDeadline,
  RULE_SET_2026_1,
  RULE_SET_FIGURES,
  ServiceRuleSetSchema,
  type ServiceRuleSet,
} from './index';

const type = (code: string) => findType(CATALOGUE, code)!;
const SHORT_HOURS: ServiceRuleSet = {
  ...RULE_SET_2026_1,
  version: 'test-hours',
  effectiveFrom: '2026-03-01',
  basis: t('测试', 'Test'),
  workingHours: { start: '09:00', end: '17:00' },
};
const sets = [RULE_SET_2026_1, SHORT_HOURS];

describe('working hours come from the rule set in force', () => {
  it('deadlines close at the set’s closing time', () => {
    const d = processDeadline(sets, type('NEW_LV_RES'), {}, new Date('2026-03-02T10:00:00+08:00'));
    expect(toHallIso(d.deadlineAt)).toBe('2026-03-09T17:00:00.000+08:00');
    const old = processDeadline(
      sets,
      type('NEW_LV_RES'),
      {},
      new Date('2026-02-27T10:00:00+08:00'),
    );
    expect(toHallIso(old.deadlineAt).slice(11, 16)).toBe('17:30');
  });
  it('acceptance after the set’s closing time starts the next working day', () => {
    const late = processDeadline(
      sets,
      type('NEW_LV_RES'),
      {},
      new Date('2026-03-02T17:10:00+08:00'),
    );
    expect(toHallIso(late.deadlineAt)).toBe('2026-03-10T17:00:00.000+08:00');
    const c = complaintDeadlines(sets, new Date('2026-03-02T17:10:00+08:00'));
    expect(toHallIso(c.answerDueAt)).toBe('2026-03-10T17:00:00.000+08:00');
  });
  it('refuses hours that end before they start or are not HH:MM', () => {
    for (const workingHours of [
      { start: '17:30', end: '08:30' },
      { start: '8:30', end: '17:30' },
      { start: '08:30', end: '24:00' },
    ])
      expect(ServiceRuleSetSchema.safeParse({ ...SHORT_HOURS, workingHours }).success).toBe(false);
  });
});

describe('low-voltage business: 6 days of utility time and 15 working days in all', () => {
  it('computes both, the whole-process one later', () => {
    const d = processDeadline(sets, type('NEW_LV_BIZ'), {}, new Date('2026-03-02T10:00:00+08:00'));
    expect(d.workingDays).toBe(6);
    expect(d.whole?.workingDays).toBe(15);
    expect(toHallIso(d.deadlineAt).slice(0, 10)).toBe('2026-03-10');
    expect(toHallIso(d.whole!.deadlineAt).slice(0, 10)).toBe('2026-03-23');
  });
  it('other types have no second limit', () => {
    const d = processDeadline(sets, type('NEW_LV_RES'), {}, new Date('2026-03-02T10:00:00+08:00'));
    expect(d.whole).toBeUndefined();
  });
});

describe('a process deadline past the calendar data is provisional', () => {
  it('flags 2026-12-31 + 5 working days', () => {
    const d = processDeadline(sets, type('NEW_LV_RES'), {}, new Date('2026-12-31T10:00:00+08:00'));
    expect(d.provisional).toBe(true);
    expect(d.uncoveredYears).toEqual([2027]);
    const early = processDeadline(
      sets,
      type('NEW_LV_RES'),
      {},
      new Date('2026-12-01T10:00:00+08:00'),
    );
    expect(early.provisional).toBe(false);
  });
});

describe('rule set figures name their sources', () => {
  it('every complaint, visit, repeat and hours figure of the bundled set has a source', () => {
    for (const key of RULE_SET_FIGURES.filter((k) => k !== 'warnings'))
      expect(RULE_SET_2026_1.sources?.[key], key).toBeDefined();
    expect(RULE_SET_2026_1.sources?.visitWorkingDays?.kind).toBe('hall');
    expect(RULE_SET_2026_1.sources?.repeat?.kind).toBe('hall');
    expect(RULE_SET_2026_1.sources?.answerWorkingDays?.kind).toBe('published');
    expect(ServiceRuleSetSchema.safeParse(RULE_SET_2026_1).success).toBe(true);
  });
});
