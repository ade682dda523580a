import { DOC_SGCC_COMMITMENTS, hall, published } from '../catalogue/sources';
import { t } from '../text';
import type { ServiceRuleSet } from './types';

const COMPLAINT_COMMITMENT = published(
  DOC_SGCC_COMMITMENTS,
  '（投诉举报：24小时内联系客户，5个工作日内答复）',
);

/**
 * The commitments in force with the catalogue: every type keeps its catalogue figures
 * (types: {}), complaints as published. The visit limit, the repeat window and the counter
 * hours are the hall's own settings and say so; a supervisor changes them with a new version.
 */
export const RULE_SET_2026_1: ServiceRuleSet = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  basis: t(
    '国家电网供电服务承诺；投诉24小时内联系、5个工作日内答复',
    'State Grid service commitments; complaints: contact within 24 h, answer within 5 working days',
  ),
  types: {},
  complaints: { contactHours: 24, answerWorkingDays: 5, visitWorkingDays: 5 },
  repeat: { windowDays: 365, orangeAt: 2, redAt: 3 },
  workingHours: { start: '08:30', end: '17:30' },
  sources: {
    contactHours: COMPLAINT_COMMITMENT,
    answerWorkingDays: COMPLAINT_COMMITMENT,
    visitWorkingDays: hall(
      '本厅设置：答复后5个工作日内回访',
      "Hall's own setting: follow-up visit within 5 working days of the answer",
    ),
    repeat: hall(
      '本厅设置：365天内同一客户同一事项第2次橙色、第3次红色',
      "Hall's own setting: within 365 days the 2nd contact on a matter is orange, the 3rd red",
    ),
    workingHours: hall('本厅设置：营业时间08:30–17:30', "Hall's own setting: open 08:30–17:30"),
  },
};

export const DEFAULT_RULE_SETS: readonly ServiceRuleSet[] = [RULE_SET_2026_1];
