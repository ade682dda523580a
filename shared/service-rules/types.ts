import type { DeadlineRule, FigureSource } from '../catalogue/types';
import type { WarningThresholds, WorkingHours } from '../deadline/deadline';
import type { LocalizedText } from '../text';

/** Complaint and request loop figures (docs/domain.md: contact within 24 h, answer within 5 working days). */
export interface ComplaintLimits {
  /** Clock hours from taking the complaint to the first contact with the customer. */
  contactHours: number;
  /** Working days from taking it to the answer. */
  answerWorkingDays: number;
  /** Working days from the answer to the follow-up visit (回访). (confirm: a hall setting) */
  visitWorkingDays: number;
}

/** Repeat contacts: the Nth contact on the same matter within the window turns orange / red. */
export interface RepeatRule {
  windowDays: number;
  orangeAt: number;
  /** At this count the case also goes to the supervisor. */
  redAt: number;
}

/**
 * One version of the service commitments. An application or complaint uses the set in force
 * at its acceptance time (hall date >= effectiveFrom), so a change of figures never moves the
 * deadline of work already accepted.
 */
export interface ServiceRuleSet {
  version: string;
  /** Hall date (YYYY-MM-DD) from which the set applies, from 00:00 hall time. */
  effectiveFrom: string;
  basis: LocalizedText;
  /** Per business type code; a type not listed keeps its catalogue rule (type.deadline). */
  types: Record<string, DeadlineRule>;
  complaints: ComplaintLimits;
  repeat: RepeatRule;
  /** Counter hours deadlines close at; absent = 08:30–17:30 (sets saved before this field). */
  workingHours?: WorkingHours;
  /** 红橙黄 thresholds in force with this set; absent = the supervisor's separate setting. */
  warnings?: WarningThresholds;
  /** Where the complaint, visit, repeat and hours figures come from. */
  sources?: Partial<Record<RuleSetFigure, FigureSource>>;
}

export const RULE_SET_FIGURES = [
  'contactHours',
  'answerWorkingDays',
  'visitWorkingDays',
  'repeat',
  'workingHours',
  'warnings',
] as const;
export type RuleSetFigure = (typeof RULE_SET_FIGURES)[number];
