import { creditCheckChar, idCheckChar } from '../../shared/validators';

/**
 * Synthetic personal data nobody has, submitted by the leak tests (vitest and Playwright). The
 * log scan after the whole run looks for every one of them, besides any valid ID number, mobile
 * number or credit code (scripts/scan-test-logs.ts). Add a canary here, not in the test.
 */
const withIdCheck = (body17: string) => body17 + idCheckChar(body17);

export const CANARY_IDS: readonly string[] = [
  ...['35010219800101', '35010219910215', '11010519770707', '44030519850520'].map((head, i) =>
    withIdCheck(`${head}${String(771 + i).padStart(3, '0')}`),
  ),
  withIdCheck('35010219800101779'),
];

export const CANARY_PHONES: readonly string[] = [
  '13957310001',
  '13957310002',
  '13957310003',
  '13957310004',
  '13957319999',
  '13987654321',
];

export const CANARY_CREDIT_CODES: readonly string[] = [
  '91350100M0001CANA',
  '91350102MA2Y0LEAK',
].map((body) => body + creditCheckChar(body));

/** Free text that no validator recognises: names and address details. */
export const CANARY_TEXTS: readonly string[] = ['欧阳灵犀', '金鸡山路88号7栋1203室'];

/**
 * Free text the plain-text scan (tests/security/pi-plaintext.test.ts) writes into each sealed
 * free-text column: complaint content, answer and note, guide note, discard reason, kiosk draft,
 * the guide's note held with a ticket on the hub.
 */
export const FREE_TEXT_CANARIES = {
  complaintContent: '金丝雀投诉正文：电表走字异常',
  complaintAnswer: '金丝雀答复：已派员校表',
  complaintNote: '金丝雀联系记录：已回电',
  guideNote: '金丝雀引导备注：客户会用网上国网',
  discardReason: '金丝雀作废原因：客户撤回',
  kioskDetail: '金丝雀自助机地址99号',
  kioskNote: '金丝雀自助机留言',
  ticketNote: '金丝雀取号备注：客户需办理增容',
} as const;

export const ALL_CANARIES: readonly string[] = [
  ...CANARY_IDS,
  ...CANARY_PHONES,
  ...CANARY_CREDIT_CODES,
  ...CANARY_TEXTS,
  ...Object.values(FREE_TEXT_CANARIES),
];
