import type { LocalizedText } from '../text';
import { t } from '../text';

/** 投诉 / 意见 / 诉求. */
export const COMPLAINT_KINDS = ['complaint', 'opinion', 'request'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, LocalizedText> = {
  complaint: t('投诉', 'Complaint'),
  opinion: t('意见', 'Opinion'),
  request: t('诉求', 'Request'),
};

/** The matter, for repeat contacts: the same customer on the same subject. */
export const COMPLAINT_SUBJECTS = [
  'billing',
  'metering',
  'outage',
  'connection',
  'attitude',
  'hall',
  'other',
] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
export const COMPLAINT_SUBJECT_LABELS: Record<ComplaintSubject, LocalizedText> = {
  billing: t('电费电价', 'Bills and tariffs'),
  metering: t('计量抄表', 'Metering and readings'),
  outage: t('停电与供电质量', 'Outages and supply quality'),
  connection: t('业扩报装', 'Connections and capacity'),
  attitude: t('服务态度', 'Staff attitude'),
  hall: t('营业厅服务', 'Hall service'),
  other: t('其他', 'Other'),
};

export const COMPLAINT_CHANNELS = ['counter', 'phone', 'online', 'letter'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, LocalizedText> = {
  counter: t('柜台', 'Counter'),
  phone: t('电话', 'Phone'),
  online: t('网上国网', 'Online'),
  letter: t('来信', 'Letter'),
};

/** The closed loop, in order: each step has who and when. */
export const COMPLAINT_STATES = [
  'taken',
  'dispatched',
  'contacted',
  'answered',
  'visited',
  'archived',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, LocalizedText> = {
  taken: t('已受理', 'Taken'),
  dispatched: t('已派单', 'Dispatched'),
  contacted: t('已联系', 'Contacted'),
  answered: t('已答复', 'Answered'),
  visited: t('已回访', 'Visited'),
  archived: t('已归档', 'Archived'),
};

export const COMPLAINT_STEPS = ['dispatch', 'contact', 'answer', 'visit', 'archive'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Which state each step needs and leaves behind. Contact may come before dispatch (a clerk
 * who takes a complaint at the counter often calls back at once). */
export const STEP_RULES: Record<ComplaintStep, { from: ComplaintState[]; to: ComplaintState }> = {
  dispatch: { from: ['taken'], to: 'dispatched' },
  contact: { from: ['taken', 'dispatched'], to: 'contacted' },
  answer: { from: ['contacted'], to: 'answered' },
  visit: { from: ['answered'], to: 'visited' },
  archive: { from: ['visited'], to: 'archived' },
};

export const VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
export const VISIT_RESULT_LABELS: Record<VisitResult, LocalizedText> = {
  satisfied: t('满意', 'Satisfied'),
  basically_satisfied: t('基本满意', 'Mostly satisfied'),
  dissatisfied: t('不满意', 'Dissatisfied'),
};
