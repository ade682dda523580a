import { deadlineFor, type EffectiveDeadline } from '../catalogue/applicability';
import type { BusinessType } from '../catalogue/types';
import type { FieldValues } from '../api/schemas';
import {
  computeDeadline,
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
}

/** Whole-process deadline of an application accepted at the counter at `acceptedAt`. */
export function processDeadline(
  sets: readonly ServiceRuleSet[],
  type: BusinessType,
  values: FieldValues,
  acceptedAt: Date,
  ctx: DeadlineContext = {},
): ProcessDeadline {
  const set = ruleSetAt(sets, acceptedAt);
  const { workingDays } = limitsFor(set, type, values);
  return {
    ruleVersion: set.version,
    workingDays,
    deadlineAt: computeDeadline(
      acceptedAt,
      workingDays,
      ctx.hours ?? DEFAULT_WORKING_HOURS,
      ctx.calendar ?? DEFAULT_CALENDAR,
    ),
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
  const limit = limitsFor(ruleSetAt(sets, acceptedAt), type, values).stages.find(
    (s) => s.stage === stage,
  );
  if (!limit) return null;
  return computeDeadline(
    stageStartedAt,
    limit.workingDays,
    ctx.hours ?? DEFAULT_WORKING_HOURS,
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
      ctx.hours ?? DEFAULT_WORKING_HOURS,
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
  return computeDeadline(
    answeredAt,
    ruleSetAt(sets, takenAt).complaints.visitWorkingDays,
    ctx.hours ?? DEFAULT_WORKING_HOURS,
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
