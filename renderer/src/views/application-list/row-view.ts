import type { ApplicationSummary, LocalState } from '../../../../shared/api/schemas';
import {
  deadlineWarning,
  formatRemaining,
  hallDate,
  uncoveredYears,
  type DeadlineWarning,
  type WarningThresholds,
  type WorkingCalendar,
} from '../../../../shared/deadline';
import { isFinishedStage } from '../../../../shared/catalogue/stages';
import type { AppLocale } from '../../i18n';
import { formatDateTime } from '../../utils/format';
import { stateTagClass } from '../../components/state-tag-types';

/** What a list row's texts depend on besides the row: a new object whenever one of them changes. */
export interface RowContext {
  locale: AppLocale;
  typeName: (code: string) => string;
  calendar: WorkingCalendar;
  thresholds: WarningThresholds;
  /** The words of the state tags and warning marks in the locale (looked up once, not per row). */
  stateLabel: (state: LocalState) => string;
  warningLabel: (mark: RowMark) => string;
}

/** The parts of a row that do not move with the clock: worked out once per row and context. */
export interface RowStatic {
  typeName: string;
  /** The state tag's word and its el-tag classes. */
  stateText: string;
  stateClass: string;
  createdText: string;
  /** '' without a deadline. */
  deadlineText: string;
  /** Archived work carries no warning and no 暂定 tag. */
  closed: boolean;
  /** 暂定: counted across a year whose holiday notice is not loaded. */
  provisional: boolean;
}

/** 红橙黄 of open work, or 'closed' for finished (archived) work, which has nothing left to count. */
export type RowMark = DeadlineWarning | 'closed';

/** The parts that follow the clock: once per row and clock tick. */
export interface RowLive {
  warning: RowMark;
  /** "剩2小时" / "2h left"; '' without a deadline or once the work is finished. */
  remaining: string;
  /** The warning's word (正常, 黄色预警…, 已归档). */
  label: string;
  /** What the warning badge shows: the word, or — for open work without a deadline. */
  badge: string;
}

export function rowStatic(row: ApplicationSummary, ctx: RowContext): RowStatic {
  const closed = isFinishedStage(row.centralStage);
  return {
    typeName: ctx.typeName(row.typeCode),
    stateText: ctx.stateLabel(row.state),
    stateClass: stateTagClass(row.state),
    createdText: formatDateTime(row.createdAt),
    deadlineText: formatDateTime(row.deadlineAt),
    closed,
    provisional:
      !closed &&
      !!row.acceptedAt &&
      !!row.deadlineAt &&
      uncoveredYears(
        hallDate(new Date(row.acceptedAt)),
        hallDate(new Date(row.deadlineAt)),
        ctx.calendar,
      ).length > 0,
  };
}

export function rowLive(row: ApplicationSummary, ctx: RowContext, now: Date): RowLive {
  const mark = (warning: RowMark, remaining: string, badge?: string): RowLive => {
    const label = ctx.warningLabel(warning);
    return { warning, remaining, label, badge: badge ?? label };
  };
  if (isFinishedStage(row.centralStage)) return mark('closed', '');
  if (!row.deadlineAt) return mark('none', '', '—');
  const due = new Date(row.deadlineAt);
  return mark(
    deadlineWarning(due, now, { thresholds: ctx.thresholds, calendar: ctx.calendar }),
    formatRemaining(due, now, ctx.locale),
  );
}

interface Entry {
  ctx: RowContext;
  fixed: RowStatic;
  liveAt: number;
  live: RowLive | null;
}

/**
 * Row views for a virtual list: each row's texts are worked out the first time it is drawn
 * and kept beside the row (a WeakMap, so rows the list drops are forgotten with it); the
 * clock-dependent warning once per tick, however many cells show it. A new context (locale,
 * catalogue, calendar, thresholds) redoes a row the next time it is drawn.
 */
export function rowViews() {
  const cache = new WeakMap<ApplicationSummary, Entry>();
  const entry = (row: ApplicationSummary, ctx: RowContext): Entry => {
    let e = cache.get(row);
    if (e === undefined || e.ctx !== ctx) {
      e = { ctx, fixed: rowStatic(row, ctx), liveAt: NaN, live: null };
      cache.set(row, e);
    }
    return e;
  };
  return {
    fixed: (row: ApplicationSummary, ctx: RowContext): RowStatic => entry(row, ctx).fixed,
    live(row: ApplicationSummary, ctx: RowContext, now: Date): RowLive {
      const e = entry(row, ctx);
      if (e.live === null || e.liveAt !== now.getTime()) {
        e.live = rowLive(row, ctx, now);
        e.liveAt = now.getTime();
      }
      return e.live;
    },
  };
}
