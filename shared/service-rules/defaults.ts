import { CATALOGUE } from '../catalogue';
import { t } from '../text';
import type { ServiceRuleSet } from './types';

/**
 * The commitments in force with catalogue 2026.1: every type keeps its catalogue figures
 * (types: {}), complaints as in docs/domain.md. The visit limit and the repeat window are hall
 * settings (confirm), kept here with a version like every other figure.
 */
export const RULE_SET_2026_1: ServiceRuleSet = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  basis: t(
    '国家电网供电服务承诺（2026.1 目录）；投诉24小时内联系、5个工作日内答复',
    'State Grid service commitments (catalogue 2026.1); complaints: contact within 24 h, answer within 5 working days',
  ),
  types: {},
  complaints: { contactHours: 24, answerWorkingDays: 5, visitWorkingDays: 5 },
  repeat: { windowDays: 365, orangeAt: 2, redAt: 3 },
};

export const DEFAULT_RULE_SETS: readonly ServiceRuleSet[] = [RULE_SET_2026_1];
