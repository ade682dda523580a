import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../../../shared/api/schemas';
import {
  CALENDAR_DATA_LAST_YEAR,
  DEFAULT_CALENDAR,
  DEFAULT_WARNING_THRESHOLDS,
  deadlineWarning,
  formatRemaining,
} from '../../../../shared/deadline';
import { rowLive, rowStatic, rowViews, type RowContext } from './row-view';

const row = (over: Partial<ApplicationSummary> = {}): ApplicationSummary => ({
  id: '018d23a8-21c2-7423-8643-e62856e34671',
  appNo: 'S0120261130000001',
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  state: 'queued',
  applicantName: '林*东',
  phoneMasked: '138****8000',
  idMasked: '3501**********1234',
  accountNo: '',
  createdAt: '2026-09-30T02:00:00.000Z',
  acceptedAt: '2026-09-30T02:00:00.000Z',
  deadlineAt: '2026-10-13T09:30:00.000Z',
  centralNo: null,
  centralStage: null,
  ...over,
});

function context(locale: RowContext['locale'] = 'zh-CN') {
  const asked: string[] = [];
  const ctx: RowContext = {
    locale,
    typeName: (code) => {
      asked.push(code);
      return code === 'NEW_LV_RES' ? '低压居民新装' : code;
    },
    calendar: DEFAULT_CALENDAR,
    thresholds: DEFAULT_WARNING_THRESHOLDS,
    stateLabel: (state) => `state:${state}`,
    warningLabel: (mark) => `mark:${mark}`,
  };
  return { ctx, asked };
}

describe('a list row view', () => {
  it('holds the texts that do not move with the clock, in hall time', () => {
    const view = rowStatic(row(), context().ctx);
    expect(view).toEqual({
      typeName: '低压居民新装',
      stateText: 'state:queued',
      stateClass: 'el-tag el-tag--small el-tag--light el-tag--warning',
      createdText: '2026-09-30 10:00',
      deadlineText: '2026-10-13 17:30',
      closed: false,
      provisional: false,
    });
    expect(rowStatic(row({ deadlineAt: null }), context().ctx).deadlineText).toBe('');
  });

  it('tags 暂定 a deadline counted into a year without a holiday notice, unless archived', () => {
    const later = CALENDAR_DATA_LAST_YEAR + 1;
    const open = row({
      acceptedAt: `${later - 1}-12-28T02:00:00.000Z`,
      deadlineAt: `${later}-01-08T09:30:00.000Z`,
    });
    expect(rowStatic(open, context().ctx).provisional).toBe(true);
    const archived = { ...open, centralStage: 'ARCHIVE' };
    expect(rowStatic(archived, context().ctx)).toMatchObject({ closed: true, provisional: false });
  });

  it('takes the warning and the time left from the clock, as the deadline components do', () => {
    const { ctx } = context();
    for (const at of ['2026-10-09T01:00:00Z', '2026-10-12T01:00:00Z', '2026-10-13T09:31:00Z']) {
      const now = new Date(at);
      const due = new Date(row().deadlineAt as string);
      const warning = deadlineWarning(due, now, {
        thresholds: ctx.thresholds,
        calendar: ctx.calendar,
      });
      expect(rowLive(row(), ctx, now)).toEqual({
        warning,
        remaining: formatRemaining(due, now, 'zh-CN'),
        label: `mark:${warning}`,
        badge: `mark:${warning}`,
      });
    }
    const late = new Date('2026-10-13T09:31:00Z');
    expect(rowLive(row(), ctx, late).warning).toBe('red');
    // Open work without a deadline: no mark to show on the badge, the word stays its title.
    expect(rowLive(row({ deadlineAt: null }), ctx, late)).toEqual({
      warning: 'none',
      remaining: '',
      label: 'mark:none',
      badge: '—',
    });
  });

  it('marks finished (archived) work closed, with no time left counted, early or late', () => {
    const { ctx } = context();
    for (const at of ['2026-10-05T01:00:00Z', '2026-10-13T09:31:00Z']) {
      expect(rowLive(row({ centralStage: 'ARCHIVE' }), ctx, new Date(at))).toEqual({
        warning: 'closed',
        remaining: '',
        label: 'mark:closed',
        badge: 'mark:closed',
      });
    }
  });

  it('is worked out once per row and context, its warning once per clock tick', () => {
    const views = rowViews();
    const { ctx, asked } = context();
    const r = row();
    const first = views.fixed(r, ctx);
    expect(views.fixed(r, ctx)).toBe(first);
    expect(asked).toEqual(['NEW_LV_RES']);

    const tick = new Date('2026-10-12T01:00:00Z');
    const live = views.live(r, ctx, tick);
    expect(views.live(r, ctx, new Date(tick))).toBe(live);
    const next = views.live(r, ctx, new Date(tick.getTime() + 30_000));
    expect(next).not.toBe(live);

    // Another language: a new context redoes the row.
    const en = context('en');
    expect(views.fixed(r, en.ctx)).not.toBe(first);
    expect(en.asked).toEqual(['NEW_LV_RES']);
    expect(views.live(r, en.ctx, tick).remaining).toBe(
      formatRemaining(new Date(r.deadlineAt as string), tick, 'en'),
    );
  });
});
