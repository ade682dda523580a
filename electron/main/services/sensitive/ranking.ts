import type { Signals } from './signals';

const DAY_MS = 86_400_000;

/**
 * Points per signal (docs/customers.md "Sensitive work orders"): an open complaint weighs most
 * and grows with its age (the customer is still waiting), a billing dispute next, each contact
 * on the busiest matter after that. Age is capped so one very old case does not bury new ones.
 */
export const SCORE = {
  perRepeatContact: 10,
  perBillingDispute: 15,
  perOpenComplaint: 20,
  perOpenDay: 2,
  maxOpenDays: 30,
} as const;

export const openDays = (s: Signals, now: number): number =>
  s.oldestOpenAt === null ? 0 : Math.max(0, Math.floor((now - s.oldestOpenAt) / DAY_MS));

/** The score of a listed customer; `repeatAt` is the count from which repeats weigh at all. */
export function scoreOf(s: Signals, now: number, repeatAt: number): number {
  const repeats = s.repeatCount >= repeatAt ? s.repeatCount * SCORE.perRepeatContact : 0;
  const days = Math.min(openDays(s, now), SCORE.maxOpenDays);
  return (
    repeats +
    s.billingDisputes * SCORE.perBillingDispute +
    s.openComplaints * SCORE.perOpenComplaint +
    (s.openComplaints > 0 ? days * SCORE.perOpenDay : 0)
  );
}

/** Highest score first; on a tie the most recent contact first, then by id (stable). */
export function byRank<T extends { score: number; lastContactAt: number | null; id: string }>(
  a: T,
  b: T,
): number {
  return (
    b.score - a.score || (b.lastContactAt ?? 0) - (a.lastContactAt ?? 0) || a.id.localeCompare(b.id)
  );
}

/** Who acts next: the account manager, else the open complaint's assignee, else the supervisor. */
export function nextActorOf(
  manager: string | null,
  s: Signals,
): { kind: 'manager' | 'assignee' | 'supervisor'; staffNo: string | null } {
  if (manager) return { kind: 'manager', staffNo: manager };
  if (s.openComplaints > 0 && s.openAssignee) return { kind: 'assignee', staffNo: s.openAssignee };
  return { kind: 'supervisor', staffNo: null };
}
