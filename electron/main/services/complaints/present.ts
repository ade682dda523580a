import type { ComplaintDetail, ComplaintSummary } from '../../../../shared/api/methods/complaints';
import { maskIdNumber, maskMobile } from '../../../../shared/domain/mask';
import { maskNumbersInText } from '../../../../shared/domain/mask-text';
import { repeatLevel, type ServiceRuleSet } from '../../../../shared/service-rules';
import { toHallIso } from '../../../../shared/hall-time';
import type { ComplaintEventRow, ComplaintRow } from './rows';

const iso = (ms: number | null): string | null => (ms === null ? null : toHallIso(ms));
const inTime = (done: number | null, due: number | null): boolean | null =>
  done === null || due === null ? null : done <= due;

/** The step a complaint waits for in each state. */
export function nextStepOf(row: Pick<ComplaintRow, 'state'>): ComplaintSummary['nextStep'] {
  switch (row.state) {
    case 'taken':
    case 'dispatched':
      return 'contact';
    case 'contacted':
      return 'answer';
    case 'answered':
      return 'visit';
    case 'visited':
      return 'archive';
    default:
      return null;
  }
}

export function toComplaintSummary(row: ComplaintRow, set: ServiceRuleSet): ComplaintSummary {
  return {
    id: row.id,
    complaintNo: row.complaint_no,
    kind: row.kind,
    subject: row.subject,
    channel: row.channel,
    state: row.state,
    customerName: row.customer_name,
    phoneMasked: row.mobile ? maskMobile(row.mobile) : '',
    idMasked: row.id_number ? maskIdNumber(row.id_number) : '',
    takenAt: toHallIso(row.taken_at),
    takenBy: row.taken_by,
    assignee: row.assignee,
    nextDueAt: iso(row.next_due_at),
    nextStep: nextStepOf(row),
    repeatCount: row.repeat_count,
    repeatLevel: repeatLevel(set, row.repeat_count),
  };
}

export function toComplaintDetail(
  row: ComplaintRow,
  events: ComplaintEventRow[],
  set: ServiceRuleSet,
): ComplaintDetail {
  return {
    ...toComplaintSummary(row, set),
    accountNo: row.account_no,
    applicationId: row.application_id,
    // Free text leaves the service with typed-in phone and ID numbers masked, as an
    // application's remark does: no screen and no role gets them whole.
    content: maskNumbersInText(row.content),
    ruleVersion: row.rule_version,
    contactDueAt: toHallIso(row.contact_due_at),
    answerDueAt: toHallIso(row.answer_due_at),
    visitDueAt: iso(row.visit_due_at),
    dispatchedAt: iso(row.dispatched_at),
    contactedAt: iso(row.contacted_at),
    answeredAt: iso(row.answered_at),
    answer: row.answer === null ? null : maskNumbersInText(row.answer),
    visitedAt: iso(row.visited_at),
    visitResult: row.visit_result,
    archivedAt: iso(row.archived_at),
    contactInTime: inTime(row.contacted_at, row.contact_due_at),
    answerInTime: inTime(row.answered_at, row.answer_due_at),
    visitInTime: inTime(row.visited_at, row.visit_due_at),
    version: row.version,
    events: events.map((e) => ({
      at: toHallIso(e.at),
      actor: e.actor,
      action: e.action,
      note: maskNumbersInText(e.note),
    })),
  };
}
