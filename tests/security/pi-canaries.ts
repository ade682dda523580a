import { idCheckChar } from '../../shared/validators';

/**
 * The plain-text scan's canaries: one per path that stores personal data, so a hit names the
 * path that leaked. Free-text canaries are whole phrases no other test or fixture writes.
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
  complaintContent: '金丝雀投诉正文：电表走字异常',
  complaintAnswer: '金丝雀答复：已派员校表',
  complaintNote: '金丝雀联系记录：已回电',
  guideNote: '金丝雀引导备注：客户会用网上国网',
  discardReason: '金丝雀作废原因：客户撤回',
  kioskPhone: '13957318805',
  kioskDetail: '金丝雀自助机地址99号',
  kioskNote: '金丝雀自助机留言',
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
  PI.correctionPhone,
];
