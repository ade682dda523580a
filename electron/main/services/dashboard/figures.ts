import { apiError } from '../../../../shared/api/errors';
import type { Dashboard, OverdueRow } from '../../../../shared/api/methods/dashboard';
import { maskMobile } from '../../../../shared/domain/mask';
import { ruleSetAt } from '../../../../shared/service-rules';
import {
  DAY_MS,
  HALL_OFFSET_MS,
  hallDate,
  hallDayEnd,
  hallDayStart,
  toHallIso,
} from '../../../../shared/hall-time';
import { createRequestStore } from '../requests/store';
import { createCustomerStore } from '../customers/store';
import { CUSTOMER_UPDATE_ACTION } from '../customer-update/service';
import { prepared, type Database } from '../db';
// Open work: not yet archived (归档), written as the partial deadline index's condition.
import { OPEN_ONLY_SQL } from '../applications/search';
import type { SettingsService } from '../settings/service';

const HOUR_MS = 3_600_000;
export const OVERDUE_LIST_LIMIT = 500;
const MAX_RANGE_DAYS = 366;

export interface Range {
  from: string;
  to: string;
  /** [fromMs, toMs): hall midnight of `from` to hall midnight after `to`. */
  fromMs: number;
  toMs: number;
}

export function rangeOf(from: string, to: string): Range {
  const fromMs = hallDayStart(from);
  const toMs = hallDayEnd(to);
  if (toMs <= fromMs)
    throw apiError(
      'VALIDATION',
      '结束日期不能早于开始日期',
      'The end date is before the start date',
      {
        field: 'to',
      },
    );
  if ((toMs - fromMs) / DAY_MS > MAX_RANGE_DAYS)
    throw apiError('VALIDATION', '统计区间不能超过一年', 'The range cannot exceed one year', {
      field: 'from',
    });
  return { from, to, fromMs, toMs };
}

/** Every hall day of the range, 'YYYY-MM-DD'. */
export function daysOf(r: Range): string[] {
  const days: string[] = [];
  for (let t = r.fromMs; t < r.toMs; t += DAY_MS) days.push(hallDate(t));
  return days;
}

interface OverdueSqlRow {
  id: string;
  app_no: string | null;
  type_code: string;
  applicant_name: string;
  mobile: string;
  accepted_at: number;
  deadline_at: number;
  central_stage: string | null;
}

/**
 * The supervisor's figures, straight from the local store. Every figure is one SQL aggregate
 * over an indexed range (accepted_at, deadline_at, taken_at), so the dashboard stays fast on a
 * large store.
 */
export function createDashboardFigures(deps: {
  db: Database;
  settings: SettingsService;
  now: () => Date;
}) {
  const { db, settings } = deps;
  // Requests beside applications (issue 17), counted by their owner.
  const requestStore = createRequestStore(db);
  const customerStore = createCustomerStore(db);
  function requestCounts(r: Range): Dashboard['requests'] {
    const out = {
      fault: 0,
      subscription: 0,
      enquiry: 0,
      withdrawn: 0,
      customerUpdate: customerStore.countActions(CUSTOMER_UPDATE_ACTION, r.fromMs, r.toMs),
    };
    for (const c of requestStore.countsBetween(r.fromMs, r.toMs)) {
      out[c.kind] = c.n;
      out.withdrawn += c.withdrawn;
    }
    return out;
  }

  const byTypeStmt = prepared(
    db,
    `SELECT type_code AS typeCode, count(*) AS count FROM applications
     WHERE accepted_at >= @fromMs AND accepted_at < @toMs
     GROUP BY type_code ORDER BY count DESC, type_code`,
  );
  const byDayStmt = prepared(
    db,
    `SELECT (accepted_at + ${HALL_OFFSET_MS}) / ${DAY_MS} AS d, count(*) AS n FROM applications
     WHERE accepted_at >= @fromMs AND accepted_at < @toMs GROUP BY d`,
  );
  const attainmentStmt = prepared(
    db,
    `SELECT
       sum(closed AND closed_at <= deadline_at) AS onTime,
       sum(closed AND closed_at > deadline_at) AS late,
       sum(NOT closed AND deadline_at < @now) AS overdueOpen,
       sum(NOT closed AND deadline_at >= @now) AS pending
     FROM (
       SELECT a.deadline_at,
              coalesce(a.central_stage = 'ARCHIVE', 0) AS closed,
              CASE WHEN m.stage = 'ARCHIVE' THEN m.stage_at END AS closed_at
       FROM applications a LEFT JOIN sync_mirror m ON m.application_id = a.id
       WHERE a.accepted_at >= @fromMs AND a.accepted_at < @toMs AND a.deadline_at IS NOT NULL)`,
  );
  const warningStmt = prepared(
    db,
    `SELECT
       sum(deadline_at < @now) AS red,
       sum(deadline_at >= @now AND deadline_at < @orangeBefore) AS orange,
       sum(deadline_at >= @orangeBefore AND deadline_at < @yellowBefore) AS yellow,
       sum(deadline_at >= @yellowBefore) AS none
     FROM applications WHERE deadline_at IS NOT NULL AND ${OPEN_ONLY_SQL}`,
  );
  const overdueStmt = prepared(
    db,
    `SELECT id, app_no, type_code, applicant_name, mobile, accepted_at, deadline_at, central_stage
     FROM applications INDEXED BY applications_deadline
     WHERE deadline_at < @now AND ${OPEN_ONLY_SQL}
     ORDER BY deadline_at ASC, id LIMIT @limit`,
  );
  const overdueCountStmt = prepared(
    db,
    `SELECT count(*) FROM applications WHERE deadline_at < @now AND ${OPEN_ONLY_SQL}`,
  ).pluck();
  const complaintStmt = prepared(
    db,
    `SELECT count(*) AS taken,
       coalesce(sum(state <> 'archived'), 0) AS open,
       coalesce(sum(state <> 'archived' AND next_due_at < @now), 0) AS overdueOpen,
       coalesce(sum(contacted_at IS NOT NULL), 0) AS contacted,
       coalesce(sum(contacted_at <= contact_due_at), 0) AS contactInTime,
       coalesce(sum(answered_at IS NOT NULL), 0) AS answered,
       coalesce(sum(answered_at <= answer_due_at), 0) AS answerInTime,
       coalesce(sum(repeat_count >= @redAt), 0) AS repeatRed,
       coalesce(sum(visit_result = 'satisfied'), 0) AS satisfied,
       coalesce(sum(visit_result = 'basically_satisfied'), 0) AS basically_satisfied,
       coalesce(sum(visit_result = 'dissatisfied'), 0) AS dissatisfied
     FROM complaints WHERE taken_at >= @fromMs AND taken_at < @toMs`,
  );

  const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

  function overdue(limit = OVERDUE_LIST_LIMIT): { rows: OverdueRow[]; total: number } {
    const now = deps.now().getTime();
    const rows = (overdueStmt.all({ now, limit }) as OverdueSqlRow[]).map((r) => ({
      id: r.id,
      appNo: r.app_no ?? '',
      typeCode: r.type_code,
      applicantName: r.applicant_name,
      phoneMasked: r.mobile ? maskMobile(r.mobile) : '',
      acceptedAt: toHallIso(r.accepted_at),
      deadlineAt: toHallIso(r.deadline_at),
      centralStage: r.central_stage,
      overdueHours: Math.floor((now - r.deadline_at) / HOUR_MS),
    }));
    return { rows, total: overdueCountStmt.get({ now }) as number };
  }

  function byType(r: Range): Dashboard['byType'] {
    return byTypeStmt.all(r) as Dashboard['byType'];
  }

  function byDay(r: Range): Dashboard['byDay'] {
    const counts = new Map<number, number>();
    for (const row of byDayStmt.all(r) as { d: number; n: number }[]) counts.set(row.d, row.n);
    return daysOf(r).map((day) => ({
      day,
      count: counts.get(Date.parse(`${day}T00:00:00Z`) / DAY_MS) ?? 0,
    }));
  }

  function get(from: string, to: string): Dashboard {
    const r = rangeOf(from, to);
    const nowDate = deps.now();
    const now = nowDate.getTime();
    const a = attainmentStmt.get({ ...r, now }) as Record<string, unknown>;
    const onTime = n(a.onTime);
    const late = n(a.late);
    const overdueOpen = n(a.overdueOpen);
    const decided = onTime + late + overdueOpen;
    const bounds = settings.warningBounds(nowDate);
    const w = warningStmt.get(bounds) as Record<string, unknown>;
    const redAt = ruleSetAt(settings.ruleSets(), nowDate).repeat.redAt;
    const c = complaintStmt.get({ ...r, now, redAt }) as Record<string, number>;
    const od = overdue();
    return {
      from,
      to,
      generatedAt: toHallIso(now),
      byType: byType(r),
      byDay: byDay(r),
      attainment: {
        decided,
        onTime,
        late,
        overdueOpen,
        pending: n(a.pending),
        rate: decided === 0 ? null : onTime / decided,
      },
      warnings: { red: n(w.red), orange: n(w.orange), yellow: n(w.yellow), none: n(w.none) },
      overdue: od.rows,
      overdueTotal: od.total,
      complaints: {
        taken: n(c.taken),
        open: n(c.open),
        overdueOpen: n(c.overdueOpen),
        contacted: n(c.contacted),
        contactInTime: n(c.contactInTime),
        answered: n(c.answered),
        answerInTime: n(c.answerInTime),
        repeatRed: n(c.repeatRed),
        visitResults: {
          satisfied: n(c.satisfied),
          basically_satisfied: n(c.basically_satisfied),
          dissatisfied: n(c.dissatisfied),
        },
      },
      requests: requestCounts(r),
    };
  }

  return { get, overdue, byType, byDay, range: rangeOf };
}

export type DashboardFigures = ReturnType<typeof createDashboardFigures>;
