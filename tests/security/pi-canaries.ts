import { idCheckChar } from '../../shared/validators';
import { FREE_TEXT_CANARIES } from '../support/canaries';

/**
 * The plain-text scan's canaries: one per path that stores personal data, so a hit names the
 * path that leaked. The free-text ones are shared (tests/support/canaries.ts), so the scan of
 * every test log looks for them too.
 */
const withCheck = (head: string, i: number): string => {
  const body = `${head}${String(871 + i).padStart(3, '0')}`;
  return body + idCheckChar(body);
};

export const PI = {
  /** Applications: a draft later submitted, a direct submit, a draft left as a draft. */
  ids: ['35010219800101', '44030519850520', '11010519770707'].map(withCheck),
  phones: ['13957318801', '13957318802', '13957318803'],
  addressDetail: '幸福里金丝雀巷77号',
  /** The device's sync tokens. */
  tokens: ['canary-bearer-7f3a9c01e2', 'canary-refresh-5b8d2e44f1'],
  complaintPhone: '13957318804',
  complaintContent: FREE_TEXT_CANARIES.complaintContent,
  complaintAnswer: FREE_TEXT_CANARIES.complaintAnswer,
  complaintNote: FREE_TEXT_CANARIES.complaintNote,
  guideNote: FREE_TEXT_CANARIES.guideNote,
  discardReason: FREE_TEXT_CANARIES.discardReason,
  kioskPhone: '13957318805',
  kioskDetail: FREE_TEXT_CANARIES.kioskDetail,
  kioskNote: FREE_TEXT_CANARIES.kioskNote,
  ticketNote: FREE_TEXT_CANARIES.ticketNote,
  correctionPhone: '13957318806',
};

export const ALL_PI: readonly string[] = [
  ...PI.ids,
  ...PI.phones,
  PI.addressDetail,
  ...PI.tokens,
  PI.complaintPhone,
  PI.complaintContent,
  PI.complaintAnswer,
  PI.complaintNote,
  PI.guideNote,
  PI.discardReason,
  PI.kioskPhone,
  PI.kioskDetail,
  PI.kioskNote,
  PI.ticketNote,
  PI.correctionPhone,
];
