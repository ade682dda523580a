import type { AccountKind, BusinessFamily } from '../catalogue/types';
import type { LocalizedText } from '../text';

/**
 * Central lifecycle stages (domain.md "Lifecycle"). Only the central system moves an application
 * through them; the console mirrors the current one read-only. Codes are stable protocol values;
 * the names are for display.
 */
export const CENTRAL_STAGES = {
  accepted: { zh: '受理', en: 'Accepted' },
  survey_dispatch: { zh: '勘查派工', en: 'Survey dispatched' },
  site_survey: { zh: '现场勘查', en: 'Site survey' },
  plan_drafting: { zh: '拟定方案', en: 'Supply plan drafted' },
  plan_approval: { zh: '审批', en: 'Plan approval' },
  plan_reply: { zh: '答复方案', en: 'Plan replied' },
  fee_assessment: { zh: '确定费用', en: 'Fees assessed' },
  fee_payment: { zh: '收费', en: 'Fees paid' },
  works_tracking: { zh: '工程跟踪', en: 'Works tracking' },
  design_review: { zh: '设计审核', en: 'Design review' },
  mid_inspection: { zh: '中间检查', en: 'Mid-construction inspection' },
  completion_report: { zh: '竣工报验', en: 'Completion reported' },
  completion_acceptance: { zh: '竣工验收', en: 'Completion inspection' },
  survey_plan: { zh: '勘查/方案', en: 'Survey and plan' },
  grid_works: { zh: '电网配套工程', en: 'Grid works' },
  meter_work: { zh: '封停/启封或表计工作', en: 'Seal, unseal or meter work' },
  contract_billing: { zh: '合同及电费变更', en: 'Contract and billing change' },
  metering_energising: { zh: '装表接电', en: 'Metering and energising' },
  archived: { zh: '归档', en: 'Archived' },
} as const satisfies Record<string, LocalizedText>;

export type CentralStage = keyof typeof CENTRAL_STAGES;
export const CENTRAL_STAGE_CODES = Object.keys(CENTRAL_STAGES) as CentralStage[];

export const HV_STAGES: readonly CentralStage[] = [
  'accepted',
  'survey_dispatch',
  'site_survey',
  'plan_drafting',
  'plan_approval',
  'plan_reply',
  'fee_assessment',
  'fee_payment',
  'works_tracking',
  'design_review',
  'mid_inspection',
  'completion_report',
  'completion_acceptance',
  'metering_energising',
  'archived',
];
export const LV_RESIDENT_STAGES: readonly CentralStage[] = [
  'accepted',
  'metering_energising',
  'archived',
];
export const LV_BUSINESS_STAGES: readonly CentralStage[] = [
  'accepted',
  'survey_plan',
  'grid_works',
  'metering_energising',
  'archived',
];
export const CHANGE_STAGES: readonly CentralStage[] = [
  'accepted',
  'site_survey',
  'meter_work',
  'contract_billing',
  'archived',
];

export const isCentralStage = (code: string): code is CentralStage =>
  Object.prototype.hasOwnProperty.call(CENTRAL_STAGES, code);

/**
 * The default stage list for a family and account kind. A catalogue type may list its own
 * `stages`; this is the fallback when it does not (or when the catalogue is unknown).
 */
export function defaultStages(
  family: BusinessFamily | undefined,
  accountKind: AccountKind,
): readonly CentralStage[] {
  if (family === 'change') return CHANGE_STAGES;
  if (accountKind === 'hv') return HV_STAGES;
  if (accountKind === 'lv_business') return LV_BUSINESS_STAGES;
  return LV_RESIDENT_STAGES;
}

export const stageName = (code: string): LocalizedText =>
  isCentralStage(code) ? CENTRAL_STAGES[code] : { zh: code, en: code };
