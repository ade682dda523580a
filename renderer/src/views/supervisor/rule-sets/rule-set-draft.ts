import type {
  BusinessType,
  DeadlineRule,
  FigureSource,
} from '../../../../../shared/catalogue/types';
import { hall } from '../../../../../shared/catalogue/sources';
import { hallDate } from '../../../../../shared/hall-time';
import {
  ServiceRuleSetSchema,
  type RuleSetFigure,
  type ServiceRuleSet,
} from '../../../../../shared/service-rules';

/**
 * The rule-set form as plain values, and the new version built from it. Figures equal to the
 * set in force keep their source; a figure the supervisor changed becomes the hall's own
 * setting, so no invented figure is ever presented as a published one.
 */
export interface StageRow {
  stage: string;
  single: number;
  dual: number;
}

export interface RuleSetDraft {
  version: string;
  effectiveFrom: string;
  basisZh: string;
  basisEn: string;
  workingStart: string;
  workingEnd: string;
  orange: number;
  yellow: number;
  contactHours: number;
  answerWorkingDays: number;
  visitWorkingDays: number;
  repeatWindowDays: number;
  repeatOrangeAt: number;
  repeatRedAt: number;
  stages: StageRow[];
}

/** The types whose stage limits the form edits (high voltage, single and dual supply). */
export const STAGED_TYPES = ['NEW_HV', 'INC_HV'] as const;

const ruleOf = (set: ServiceRuleSet, type: BusinessType): DeadlineRule =>
  set.types[type.code] ?? type.deadline;

/** The form prefilled from the set in force (stage limits from the first staged type). */
export function draftFrom(
  set: ServiceRuleSet,
  staged: BusinessType | undefined,
  warnings: { orangeWorkingDays: number; yellowWorkingDays: number },
  now: Date,
): RuleSetDraft {
  const rule = staged ? ruleOf(set, staged) : undefined;
  const dual = rule?.variants?.[0]?.stages ?? [];
  const hours = set.workingHours ?? { start: '08:30', end: '17:30' };
  const w = set.warnings ?? warnings;
  return {
    version: '',
    effectiveFrom: hallDate(now),
    basisZh: set.basis.zh,
    basisEn: set.basis.en,
    workingStart: hours.start,
    workingEnd: hours.end,
    orange: w.orangeWorkingDays,
    yellow: w.yellowWorkingDays,
    contactHours: set.complaints.contactHours,
    answerWorkingDays: set.complaints.answerWorkingDays,
    visitWorkingDays: set.complaints.visitWorkingDays,
    repeatWindowDays: set.repeat.windowDays,
    repeatOrangeAt: set.repeat.orangeAt,
    repeatRedAt: set.repeat.redAt,
    stages: (rule?.stages ?? []).map((s) => ({
      stage: s.stage,
      single: s.workingDays,
      dual: dual.find((d) => d.stage === s.stage)?.workingDays ?? s.workingDays,
    })),
  };
}

const supervisorSetting = (version: string): FigureSource =>
  hall(
    `本厅设置：主管在规则版本${version}中设定`,
    `Hall's own setting: set by the supervisor in version ${version}`,
  );

/** The new version. Throws nothing: the caller checks the result with ServiceRuleSetSchema. */
export function buildRuleSet(
  draft: RuleSetDraft,
  current: ServiceRuleSet,
  stagedTypes: readonly BusinessType[],
): ServiceRuleSet {
  const own = supervisorSetting(draft.version);
  const keep = (key: RuleSetFigure, same: boolean): FigureSource | undefined =>
    same ? current.sources?.[key] : own;
  const before = draftFrom(
    current,
    stagedTypes[0],
    { orangeWorkingDays: -1, yellowWorkingDays: -1 },
    new Date(),
  );
  const sources: Partial<Record<RuleSetFigure, FigureSource>> = {};
  const put = (key: RuleSetFigure, same: boolean) => {
    const s = keep(key, same);
    if (s) sources[key] = s;
  };
  put('contactHours', draft.contactHours === current.complaints.contactHours);
  put('answerWorkingDays', draft.answerWorkingDays === current.complaints.answerWorkingDays);
  put('visitWorkingDays', draft.visitWorkingDays === current.complaints.visitWorkingDays);
  put(
    'repeat',
    draft.repeatWindowDays === current.repeat.windowDays &&
      draft.repeatOrangeAt === current.repeat.orangeAt &&
      draft.repeatRedAt === current.repeat.redAt,
  );
  put(
    'workingHours',
    draft.workingStart === before.workingStart && draft.workingEnd === before.workingEnd,
  );
  put('warnings', draft.orange === before.orange && draft.yellow === before.yellow);

  const stagesChanged = JSON.stringify(draft.stages) !== JSON.stringify(before.stages);
  const types: Record<string, DeadlineRule> = { ...current.types };
  if (stagesChanged)
    for (const type of stagedTypes) {
      const rule = ruleOf(current, type);
      types[type.code] = {
        ...rule,
        stages: draft.stages.map((s) => ({ stage: s.stage, workingDays: s.single })),
        stagesSource: own,
        variants: (rule.variants ?? []).map((v) => ({
          ...v,
          stages: draft.stages.map((s) => ({ stage: s.stage, workingDays: s.dual })),
        })),
      };
    }
  return {
    version: draft.version.trim(),
    effectiveFrom: draft.effectiveFrom,
    basis: { zh: draft.basisZh.trim(), en: draft.basisEn.trim() },
    types,
    complaints: {
      contactHours: draft.contactHours,
      answerWorkingDays: draft.answerWorkingDays,
      visitWorkingDays: draft.visitWorkingDays,
    },
    repeat: {
      windowDays: draft.repeatWindowDays,
      orangeAt: draft.repeatOrangeAt,
      redAt: draft.repeatRedAt,
    },
    workingHours: { start: draft.workingStart, end: draft.workingEnd },
    warnings: { orangeWorkingDays: draft.orange, yellowWorkingDays: draft.yellow },
    sources,
  };
}

/** The form's problems, by draft key (i18n keys under ruleSets.errors). */
export function draftProblems(
  draft: RuleSetDraft,
  set: ServiceRuleSet,
  today: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/.test(draft.version.trim())) out.version = 'version';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.effectiveFrom)) out.effectiveFrom = 'date';
  else if (draft.effectiveFrom < today) out.effectiveFrom = 'past';
  if (!draft.basisZh.trim() || !draft.basisEn.trim()) out.basis = 'basis';
  const parsed = ServiceRuleSetSchema.safeParse(set);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [a, b] = issue.path.map(String);
      const key =
        a === 'workingHours'
          ? 'workingHours'
          : a === 'warnings'
            ? 'warnings'
            : a === 'complaints'
              ? (b ?? 'complaints')
              : a === 'repeat'
                ? 'repeat'
                : a === 'types'
                  ? 'stages'
                  : (a ?? 'form');
      out[key] ??= 'range';
    }
  return out;
}
