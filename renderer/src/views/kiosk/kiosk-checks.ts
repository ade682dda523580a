import type { LocalizedText } from '../../../../shared/text';
import {
  checkCertificate,
  checkMobile,
  type PersonCertificateType,
} from '../../../../shared/validators';

/**
 * What a customer must fix on the kiosk's forms before anything is sent, field by field, in the
 * counter's own words (shared/validators): a bad phone or ID number is named, not hidden behind
 * a disabled button or a "not found".
 */
export type Problems<K extends string> = Partial<Record<K, LocalizedText>>;

export interface ApplyInput {
  typeCode: string;
  applicantName: string;
  mobile: string;
  idType: PersonCertificateType;
  idNumber: string;
}

/** A missing or badly formed mobile number, in the counter's words; undefined when right. */
function mobileProblem(value: string): LocalizedText | undefined {
  const mobile = value.trim();
  if (!mobile) return { zh: '请填写手机号', en: 'Enter your mobile number' };
  const m = checkMobile(mobile);
  return m.ok ? undefined : m.reason;
}

/** Missing fields (typeCode, applicantName, mobile) and badly formed ones (mobile, idNumber). */
export function applyProblems(a: ApplyInput, today: Date = new Date()): Problems<keyof ApplyInput> {
  const out: Problems<keyof ApplyInput> = {};
  if (!a.typeCode) out.typeCode = { zh: '请选择办理业务', en: 'Choose a service' };
  if (!a.applicantName.trim()) out.applicantName = { zh: '请填写姓名', en: 'Enter your name' };
  const mobile = mobileProblem(a.mobile);
  if (mobile) out.mobile = mobile;
  if (a.idNumber.trim()) {
    const id = checkCertificate(a.idType, a.idNumber, today);
    if (!id.ok) out.idNumber = id.reason;
  }
  return out;
}

export interface LookupInput {
  appNo: string;
  mobile: string;
}

/** The application number as receipts print it: letters, digits, dashes; 4 to 40 of them. */
const APP_NO = /^[A-Za-z0-9-]{4,40}$/;

export function lookupProblems(l: LookupInput): Problems<keyof LookupInput | 'both'> {
  const appNo = l.appNo.trim();
  const mobile = l.mobile.trim();
  if (!appNo && !mobile)
    return {
      both: {
        zh: '请填写回执上的申请编号和申请时留的手机号',
        en: 'Enter the application number on your receipt and the mobile number you gave',
      },
    };
  const out: Problems<keyof LookupInput> = {};
  if (!appNo) out.appNo = { zh: '请填写申请编号', en: 'Enter the application number' };
  else if (!APP_NO.test(appNo))
    out.appNo = {
      zh: '申请编号应为回执上印的编号（4位以上字母、数字），请核对',
      en: 'The application number is the one on your receipt (4 or more letters and digits); check it',
    };
  const mobileWrong = mobileProblem(mobile);
  if (mobileWrong) out.mobile = mobileWrong;
  return out;
}
