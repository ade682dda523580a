import { deadlineFor, type EffectiveDeadline } from '../catalogue/applicability';
import type { BusinessType } from '../catalogue/types';
import type { FieldValues } from '../api/schemas';
import {
  computeDeadline,
  computeDeadlineInfo,
  DEFAULT_CALENDAR,
  DEFAULT_WORKING_HOURS,
  hallDate,
  type WorkingCalendar,
  type WorkingHours,
} from '../deadline';
import type { ServiceRuleSet } from './types';

/**
 * The rule set in force at `at` (hall date): the one with the latest effectiveFrom not after
 * it. Work older than every set uses the oldest set: there is nothing older to apply.
 */
export function ruleSetAt(sets: readonly ServiceRuleSet[], at: Date): ServiceRuleSet {
  if (sets.length === 0) throw new RangeError('no service rule set');
  const day = hallDate(at);
  const sorted = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let chosen = sorted[0]!;
  for (const s of sorted) if (s.effectiveFrom <= day) chosen = s;
  return chosen;
}

/** A type's limits under a rule set: the set's override, else the catalogue's own rule. */
export function limitsFor(
  set: ServiceRuleSet,
  type: BusinessType,
  values: FieldValues = {},
): EffectiveDeadline {
  const rule = set.types[type.code] ?? type.deadline;
  return deadlineFor({ ...type, deadline: rule }, values);
}

export interface DeadlineContext {
  calendar?: WorkingCalendar;
  hours?: WorkingHours;
}

export interface ProcessDeadline {
  ruleVersion: string;
  workingDays: number;
  deadlineAt: Date;
  /** Counted across a year with no loaded holiday notice: the date may still move. */
  provisional: boolean;
  /** The years to load to make it final. */
  uncoveredYears: number[];
  /** A second, whole-process limit where the type has one (低压非居民: 15 working days). */
  whole?: { workingDays: number; deadlineAt: Date; provisional: boolean };
}

/** The hours a set's deadlines close at: the set's own, else the caller's, else 08:30–17:30. */
export const hoursOf = (set: ServiceRuleSet, ctx: DeadlineContext = {}): WorkingHours =>
  set.workingHours ?? ctx.hours ?? DEFAULT_WORKING_HOURS;

/** Whole-process deadline of an application accepted at the counter at `acceptedAt`. */
export function processDeadline(
  sets: readonly ServiceRuleSet[],
  type: BusinessType,
  values: FieldValues,
  acceptedAt: Date,
  ctx: DeadlineContext = {},
): ProcessDeadline {
  const set = ruleSetAt(sets, acceptedAt);
  const { workingDays, whole } = limitsFor(set, type, values);
  const hours = hoursOf(set, ctx);
  const cal = ctx.calendar ?? DEFAULT_CALENDAR;
  const main = computeDeadlineInfo(acceptedAt, workingDays, hours, cal);
  const wholeInfo = whole ? computeDeadlineInfo(acceptedAt, whole.workingDays, hours, cal) : null;
  return {
    ruleVersion: set.version,
    workingDays,
    deadlineAt: main.deadlineAt,
    provisional: main.provisional,
    uncoveredYears: main.uncoveredYears,
    ...(whole && wholeInfo
      ? {
          whole: {
            workingDays: whole.workingDays,
            deadlineAt: wholeInfo.deadlineAt,
            provisional: wholeInfo.provisional,
          },
        }
      : {}),
  };
}

/**
 * Deadline of the central stage an application is in, counted from when it entered that stage,
 * under the rules in force at acceptance. Null when the stage has no limit of its own.
 */
export function stageDeadline(
  sets: readonly ServiceRuleSet[],
  type: BusinessType,
  values: FieldValues,
  acceptedAt: Date,
  stage: string,
  stageStartedAt: Date,
  ctx: DeadlineContext = {},
): Date | null {
  const set = ruleSetAt(sets, acceptedAt);
  const limit = limitsFor(set, type, values).stages.find((s) => s.stage === stage);
  if (!limit) return null;
  return computeDeadline(
    stageStartedAt,
    limit.workingDays,
    hoursOf(set, ctx),
    ctx.calendar ?? DEFAULT_CALENDAR,
  );
}

export interface ComplaintDeadlines {
  ruleVersion: string;
  contactDueAt: Date;
  answerDueAt: Date;
}

/** Contact within N clock hours; answer within N working days, both from taking it. */
export function complaintDeadlines(
  sets: readonly ServiceRuleSet[],
  takenAt: Date,
  ctx: DeadlineContext = {},
): ComplaintDeadlines {
  const set = ruleSetAt(sets, takenAt);
  return {
    ruleVersion: set.version,
    contactDueAt: new Date(takenAt.getTime() + set.complaints.contactHours * 3_600_000),
    answerDueAt: computeDeadline(
      takenAt,
      set.complaints.answerWorkingDays,
      hoursOf(set, ctx),
      ctx.calendar ?? DEFAULT_CALENDAR,
    ),
  };
}

/** The follow-up visit is due N working days after the answer (rules in force when taken). */
export function visitDeadline(
  sets: readonly ServiceRuleSet[],
  takenAt: Date,
  answeredAt: Date,
  ctx: DeadlineContext = {},
): Date {
  const set = ruleSetAt(sets, takenAt);
  return computeDeadline(
    answeredAt,
    set.complaints.visitWorkingDays,
    hoursOf(set, ctx),
    ctx.calendar ?? DEFAULT_CALENDAR,
  );
}

export type RepeatLevel = 'none' | 'orange' | 'red';

/** Second contact on the same matter: orange; third: red (and to the supervisor). */
export function repeatLevel(set: ServiceRuleSet, count: number): RepeatLevel {
  if (count >= set.repeat.redAt) return 'red';
  if (count >= set.repeat.orangeAt) return 'orange';
  return 'none';
}

/**
 * A dissatisfied follow-up visit reopens the complaint: a new answer is due N working days
 * after the visit, N from the rule set in force when the complaint was taken.
 */
export function reopenedAnswerDeadline(
  sets: readonly ServiceRuleSet[],
  takenAt: Date,
  reopenedAt: Date,
  ctx: DeadlineContext = {},
): Date {
  const set = ruleSetAt(sets, takenAt);
  return computeDeadline(
    reopenedAt,
    set.complaints.answerWorkingDays,
    hoursOf(set, ctx),
    ctx.calendar ?? DEFAULT_CALENDAR,
  );
}
