import type {
  ComplaintChannel,
  ComplaintKind,
  ComplaintState,
  ComplaintSubject,
  VisitResult,
} from '../../../../shared/service-rules/complaints';

/** One row of `complaints` as stored (times in epoch ms). */
export interface ComplaintRow {
  id: string;
  complaint_no: string;
  kind: ComplaintKind;
  subject: ComplaintSubject;
  channel: ComplaintChannel;
  customer_name: string;
  id_number: string;
  mobile: string;
  account_no: string;
  application_id: string | null;
  content: string;
  state: ComplaintState;
  rule_version: string;
  taken_at: number;
  taken_by: string;
  contact_due_at: number;
  answer_due_at: number;
  visit_due_at: number | null;
  assignee: string | null;
  dispatched_at: number | null;
  contacted_at: number | null;
  answered_at: number | null;
  answer: string | null;
  visited_at: number | null;
  visit_result: VisitResult | null;
  archived_at: number | null;
  next_due_at: number | null;
  repeat_count: number;
  version: number;
}

export interface ComplaintEventRow {
  id: number;
  complaint_id: string;
  at: number;
  actor: string;
  action: string;
  note: string;
}
