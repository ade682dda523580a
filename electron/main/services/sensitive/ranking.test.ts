import { describe, expect, it } from 'vitest';
import { byRank, nextActorOf, scoreOf, SCORE } from './ranking';
import { reasonsOf, signalsOf, type CustomerContact } from './signals';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T10:00:00+08:00');
const RULES = { windowDays: 365, repeatAt: 3 };

const app = (daysAgo: number, matter = 'new', billing = false): CustomerContact => ({
  kind: 'application',
  matter,
  at: NOW - daysAgo * DAY,
  billing,
  open: false,
  assignee: null,
});
const complaint = (daysAgo: number, over: Partial<CustomerContact> = {}): CustomerContact => ({
  kind: 'complaint',
  matter: 'billing',
  at: NOW - daysAgo * DAY,
  billing: true,
  open: true,
  assignee: null,
  ...over,
});

describe('signals of a customer', () => {
  it('a third contact on one matter within the window is a repeat; the second is not', () => {
    const two = signalsOf([app(10), app(5)], NOW, RULES);
    expect(two.repeatCount).toBe(2);
    expect(reasonsOf(two, RULES)).toEqual([]);
    const three = signalsOf([app(10), app(5), app(1)], NOW, RULES);
    expect(reasonsOf(three, RULES)).toEqual(['repeat']);
  });

  it('contacts on different matters, or outside the window, do not add up', () => {
    const s = signalsOf([app(400), app(10), app(5, 'increase'), app(1, 'change')], NOW, RULES);
    expect(s.repeatCount).toBe(1);
    expect(s.lastContactAt).toBe(NOW - DAY);
  });

  it('billing disputes count within the window; an open complaint counts whatever its age', () => {
    const s = signalsOf(
      [app(3, 'change', true), complaint(500), complaint(2, { open: false })],
      NOW,
      RULES,
    );
    expect([s.billingDisputes, s.openComplaints]).toEqual([2, 1]);
    expect(s.oldestOpenAt).toBe(NOW - 500 * DAY);
    expect(reasonsOf(s, RULES)).toEqual(['billing', 'open_complaint']);
  });
});

describe('ranking', () => {
  it('scores counts by their weight and an open complaint by its age, capped', () => {
    const repeats = signalsOf([app(3), app(2), app(1)], NOW, RULES);
    expect(scoreOf(repeats, NOW, 3)).toBe(3 * SCORE.perRepeatContact);
    const fresh = signalsOf([complaint(0, { billing: false, matter: 'attitude' })], NOW, RULES);
    const week = signalsOf([complaint(7, { billing: false, matter: 'attitude' })], NOW, RULES);
    const year = signalsOf([complaint(300, { billing: false, matter: 'attitude' })], NOW, RULES);
    expect(scoreOf(fresh, NOW, 3)).toBe(SCORE.perOpenComplaint);
    expect(scoreOf(week, NOW, 3)).toBe(SCORE.perOpenComplaint + 7 * SCORE.perOpenDay);
    expect(scoreOf(year, NOW, 3)).toBe(
      SCORE.perOpenComplaint + SCORE.maxOpenDays * SCORE.perOpenDay,
    );
  });

  it('orders by score, then the most recent contact, then id', () => {
    const rows = [
      { id: 'b', score: 30, lastContactAt: 1 },
      { id: 'a', score: 30, lastContactAt: 1 },
      { id: 'c', score: 30, lastContactAt: 5 },
      { id: 'd', score: 45, lastContactAt: 0 },
    ];
    expect([...rows].sort(byRank).map((r) => r.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('who acts next: the account manager, else the open complaint’s assignee, else the supervisor', () => {
    const assigned = signalsOf([complaint(4, { assignee: 'S002' })], NOW, RULES);
    expect(nextActorOf('M001', assigned)).toEqual({ kind: 'manager', staffNo: 'M001' });
    expect(nextActorOf(null, assigned)).toEqual({ kind: 'assignee', staffNo: 'S002' });
    const repeats = signalsOf([app(3), app(2), app(1)], NOW, RULES);
    expect(nextActorOf(null, repeats)).toEqual({ kind: 'supervisor', staffNo: null });
  });
});
