import { checkAccountNo, checkMobile, checkPhone } from '../validators';
import { t, type LocalizedText } from '../text';
import type { AreaKind, RequestCatalogue } from './request-kinds';
import { optionValues } from './request-kinds';

/** A refused field of a request: the key and why, never the value. */
export interface RequestFieldError {
  field: string;
  reason: LocalizedText;
}

export interface FaultReportDraft {
  accountNo?: string | undefined;
  /** The place as the customer says it (street and number), when there is no 户号. */
  addressText?: string | undefined;
  phone: string;
  faultKind: string;
  areaKind: string;
}

export interface SubscriptionDraft {
  mobile: string;
  accountNo?: string | undefined;
  channels: string[];
  topics: string[];
  consentGiven: boolean;
  consentMethod: string;
}

export interface EnquiryDraft {
  topic: string;
  answer: string;
}

const notInList = (field: string): RequestFieldError => ({
  field,
  reason: t('请从列表中选择', 'Choose one from the list'),
});

/** Normalised values of a fault report, or the fields to correct. */
export function checkFaultReport(
  cat: RequestCatalogue,
  d: FaultReportDraft,
  accountNoLength: number,
):
  | { ok: true; phone: string; accountNo: string | null }
  | { ok: false; errors: RequestFieldError[] } {
  const errors: RequestFieldError[] = [];
  const accountNo = d.accountNo?.trim() ? d.accountNo.trim() : null;
  const address = d.addressText?.trim() ?? '';
  if (!accountNo && address === '')
    errors.push({
      field: 'accountNo',
      reason: t(
        '请填写户号或故障地址（至少一项）',
        'Give the account number or the address (one at least)',
      ),
    });
  if (accountNo) {
    const c = checkAccountNo(accountNo, accountNoLength);
    if (!c.ok) errors.push({ field: 'accountNo', reason: c.reason });
  }
  const phone = checkPhone(d.phone, { landline: true });
  if (!phone.ok) errors.push({ field: 'phone', reason: phone.reason });
  if (!optionValues(cat.fault.kinds).includes(d.faultKind)) errors.push(notInList('faultKind'));
  if (!optionValues(cat.fault.areaKinds).includes(d.areaKind)) errors.push(notInList('areaKind'));
  if (errors.length > 0 || !phone.ok) return { ok: false, errors };
  return { ok: true, phone: phone.value, accountNo };
}

/**
 * The arrival commitment of a fault report: counted from the moment the counter took it (the
 * customer's report), never from when it reached central.
 */
export function arrivalCommitment(
  cat: RequestCatalogue,
  areaKind: AreaKind,
  reportedAt: Date,
): { minutes: number; arriveBy: Date } {
  const minutes = cat.fault.arrival.minutes[areaKind];
  return { minutes, arriveBy: new Date(reportedAt.getTime() + minutes * 60_000) };
}

function checkChoices(
  field: string,
  chosen: readonly string[],
  allowed: readonly string[],
): RequestFieldError | null {
  if (chosen.length === 0) return { field, reason: t('请至少选择一项', 'Choose at least one') };
  if (new Set(chosen).size !== chosen.length)
    return { field, reason: t('选项重复', 'An option is chosen twice') };
  return chosen.every((c) => allowed.includes(c)) ? null : notInList(field);
}

/**
 * A subscription is recorded only with the customer's consent to exactly these channels and
 * topics (PIPL: consent specific to the purpose); without it nothing is stored.
 */
export function checkSubscription(
  cat: RequestCatalogue,
  d: SubscriptionDraft,
  accountNoLength: number,
):
  | { ok: true; mobile: string; accountNo: string | null }
  | { ok: false; errors: RequestFieldError[] } {
  const errors: RequestFieldError[] = [];
  const mobile = checkMobile(d.mobile);
  if (!mobile.ok) errors.push({ field: 'mobile', reason: mobile.reason });
  const accountNo = d.accountNo?.trim() ? d.accountNo.trim() : null;
  if (accountNo) {
    const c = checkAccountNo(accountNo, accountNoLength);
    if (!c.ok) errors.push({ field: 'accountNo', reason: c.reason });
  }
  const ch = checkChoices('channels', d.channels, optionValues(cat.subscription.channels));
  if (ch) errors.push(ch);
  const tp = checkChoices('topics', d.topics, optionValues(cat.subscription.topics));
  if (tp) errors.push(tp);
  if (!d.consentGiven)
    errors.push({
      field: 'consentGiven',
      reason: t(
        '未取得客户同意，不能登记订阅',
        "Without the customer's consent the subscription cannot be recorded",
      ),
    });
  if (!optionValues(cat.subscription.consentMethods).includes(d.consentMethod))
    errors.push(notInList('consentMethod'));
  if (errors.length > 0 || !mobile.ok) return { ok: false, errors };
  return { ok: true, mobile: mobile.value, accountNo };
}

export function checkEnquiry(cat: RequestCatalogue, d: EnquiryDraft): RequestFieldError[] {
  const errors: RequestFieldError[] = [];
  if (!optionValues(cat.enquiry.topics).includes(d.topic)) errors.push(notInList('topic'));
  if (d.answer.trim().length < 2)
    errors.push({
      field: 'answer',
      reason: t(
        '请填写给客户的答复（至少2个字）',
        'Write the answer given (2 characters at least)',
      ),
    });
  return errors;
}
