import type { LocalizedText } from '../text';
import {
  checkAccountNo,
  checkCertificate,
  checkMobile,
  DEFAULT_CERTIFICATE_TYPE,
  type PersonCertificateType,
} from '../validators';

export interface ComplaintTakeFields {
  customerName: string;
  mobile: string;
  idType?: PersonCertificateType;
  idNumber?: string;
  accountNo?: string;
  content: string;
}

export interface ComplaintFieldProblem {
  field: 'customerName' | 'mobile' | 'idNumber' | 'accountNo' | 'content';
  reason: LocalizedText;
}

/** The check's answer: every problem, and the phone and certificate number as normalised. */
export interface ComplaintTakeChecked {
  problems: ComplaintFieldProblem[];
  /** Normalised (the blind indexes match the customer's other records); '' when refused. */
  mobile: string;
  idNumber: string;
}

/**
 * Every problem of a complaint being taken at once, in the counter's words (shared validators):
 * the form shows them all before sending and the service refuses the same ones, so a clerk never
 * fixes one field per submit. The account number's length is the catalogue's (accountNoLength).
 */
export function checkComplaintTake(
  input: ComplaintTakeFields,
  ctx: { now: Date; accountNoLength: number },
): ComplaintTakeChecked {
  const out: ComplaintFieldProblem[] = [];
  if (!input.customerName.trim())
    out.push({
      field: 'customerName',
      reason: { zh: '客户姓名不能为空，请填写', en: "Customer's name is empty; fill it in" },
    });
  const mobile = checkMobile(input.mobile);
  if (!mobile.ok) out.push({ field: 'mobile', reason: mobile.reason });
  const idNumber = input.idNumber?.trim();
  // Any certificate the counter takes, with its own check (the ID check only for 居民身份证).
  const id = idNumber
    ? checkCertificate(input.idType ?? DEFAULT_CERTIFICATE_TYPE, idNumber, ctx.now)
    : null;
  if (id && !id.ok) out.push({ field: 'idNumber', reason: id.reason });
  const accountNo = input.accountNo?.trim();
  if (accountNo) {
    const account = checkAccountNo(accountNo, ctx.accountNoLength);
    if (!account.ok) out.push({ field: 'accountNo', reason: account.reason });
  }
  if (input.content.trim().length < 2)
    out.push({
      field: 'content',
      reason: {
        zh: '内容至少 2 个字符，请补全',
        en: 'Content needs at least 2 characters; complete it',
      },
    });
  return {
    problems: out,
    mobile: mobile.ok ? mobile.value : '',
    idNumber: id?.ok ? id.value : '',
  };
}

/** The problems alone (what the form shows). */
export const complaintTakeProblems = (
  input: ComplaintTakeFields,
  ctx: { now: Date; accountNoLength: number },
): ComplaintFieldProblem[] => checkComplaintTake(input, ctx).problems;
