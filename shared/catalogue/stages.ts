import type { LocalizedText } from '../text';
import { t } from '../text';
import type { AccountKind, BusinessFamily } from './types';

/**
 * Central lifecycle stages (docs/domain.md "Two axes on every application"): the one stage vocabulary of the product.
 * The catalogue lists each type's stages with these codes, the central system moves an
 * application through them and reports them in its change feed (they are protocol values),
 * and the console mirrors the current one read-only and shows its label.
 */
export const STAGE_LABELS = {
  ACCEPT: t('受理', 'Accepted'),
  SURVEY_DISPATCH: t('勘查派工', 'Survey dispatched'),
  SURVEY: t('现场勘查', 'On-site survey'),
  PLAN_DRAFT: t('拟定方案', 'Supply plan drafted'),
  PLAN_APPROVE: t('审批', 'Plan approval'),
  PLAN_REPLY: t('答复方案', 'Supply plan replied'),
  FEE_DETERMINE: t('确定费用', 'Fees determined'),
  FEE_COLLECT: t('收费', 'Fees collected'),
  PROJECT_TRACK: t('工程跟踪', 'Works in progress'),
  DESIGN_REVIEW: t('设计审核', 'Design review'),
  MID_INSPECT: t('中间检查', 'Mid-construction inspection'),
  COMPLETION_REPORT: t('竣工报验', 'Completion reported'),
  COMPLETION_ACCEPT: t('竣工验收', 'Completion inspection'),
  SURVEY_PLAN: t('勘查/方案', 'Survey and plan'),
  GRID_WORKS: t('配套电网工程', 'Grid works'),
  SEAL_METER_WORK: t('封停/启封或表计工作', 'Seal, unseal or meter work'),
  CONTRACT_BILLING: t('合同与计费变更', 'Contract and billing change'),
  METER_ENERGIZE: t('装表接电', 'Meter installed and energised'),
  ARCHIVE: t('归档', 'Archived'),
} as const satisfies Record<string, LocalizedText>;

export type StageCode = keyof typeof STAGE_LABELS;

/** 高压: 受理 → … → 装表接电 → 归档. */
export const HV_STAGES: StageCode[] = [
  'ACCEPT',
  'SURVEY_DISPATCH',
  'SURVEY',
  'PLAN_DRAFT',
  'PLAN_APPROVE',
  'PLAN_REPLY',
  'FEE_DETERMINE',
  'FEE_COLLECT',
  'PROJECT_TRACK',
  'DESIGN_REVIEW',
  'MID_INSPECT',
  'COMPLETION_REPORT',
  'COMPLETION_ACCEPT',
  'METER_ENERGIZE',
  'ARCHIVE',
];
/** 低压居民: 受理 → 装表接电 → 归档. */
export const LV_RESIDENT_STAGES: StageCode[] = ['ACCEPT', 'METER_ENERGIZE', 'ARCHIVE'];
/** 低压非居民: 受理 → 勘查/方案 → (配套工程) → 装表接电 → 归档. */
export const LV_BUSINESS_STAGES: StageCode[] = [
  'ACCEPT',
  'SURVEY_PLAN',
  'GRID_WORKS',
  'METER_ENERGIZE',
  'ARCHIVE',
];
/** 变更用电 with site work: 受理 → 勘查 → 封停/启封或表计 → 合同与计费 → 归档. */
export const CHANGE_STAGES: StageCode[] = [
  'ACCEPT',
  'SURVEY',
  'SEAL_METER_WORK',
  'CONTRACT_BILLING',
  'ARCHIVE',
];
/** 变更用电 on paper only (更名, 过户): no survey, no meter work. */
export const CHANGE_PAPER_STAGES: StageCode[] = ['ACCEPT', 'CONTRACT_BILLING', 'ARCHIVE'];

export const isStageCode = (s: string): s is StageCode =>
  Object.prototype.hasOwnProperty.call(STAGE_LABELS, s);

export const STAGE_CODES = Object.keys(STAGE_LABELS) as StageCode[];

/** Every application starts here at the central system. */
export const FIRST_STAGE: StageCode = 'ACCEPT';

/**
 * The stage list for a family and account kind, for a type the catalogue does not know (a type
 * the catalogue knows lists its own `stages`).
 */
export function defaultStages(
  family: BusinessFamily | undefined,
  accountKind: AccountKind,
): readonly StageCode[] {
  if (family === 'change') return CHANGE_STAGES;
  if (accountKind === 'hv') return HV_STAGES;
  if (accountKind === 'lv_business') return LV_BUSINESS_STAGES;
  return LV_RESIDENT_STAGES;
}

/** The label of a stage code; an unknown code (a newer central system) shows as itself. */
export const stageLabel = (code: string): LocalizedText =>
  isStageCode(code) ? STAGE_LABELS[code] : t(code, code);

/** The last stage: the work is finished (办结) and filed. */
export const FINAL_STAGE: StageCode = 'ARCHIVE';

/** A finished application has no deadline left to count down and carries no warning. */
export const isFinishedStage = (stage: string | null | undefined): boolean => stage === FINAL_STAGE;
