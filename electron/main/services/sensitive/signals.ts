import type { SensitiveReason } from '../../../../shared/api/methods/sensitive';

const DAY_MS = 86_400_000;

/** One contact of a customer, as the owners' look-ups give it (no personal values). */
export interface CustomerContact {
  kind: 'application' | 'complaint';
  /** The matter: an application's business family or a complaint's subject. */
  matter: string;
  at: number;
  /** A dispute about a bill, a meter reading or a meter test. */
  billing: boolean;
  /** A complaint not answered yet. */
  open: boolean;
  /** The staff member a complaint was dispatched to (null when not dispatched). */
  assignee: string | null;
}

export interface Signals {
  /** Contacts on the busiest matter within the window. */
  repeatCount: number;
  billingDisputes: number;
  openComplaints: number;
  /** When the oldest open complaint was taken (null with none open). */
  oldestOpenAt: number | null;
  /** The assignee of the oldest open complaint that has one. */
  openAssignee: string | null;
  lastContactAt: number | null;
}

export interface SignalRules {
  windowDays: number;
  /** The contact that makes a repeat (the rule set's red level: the third by default). */
  repeatAt: number;
}

/**
 * A customer's signals from their contacts: repeats and billing disputes count only within the
 * rule set's repeat window ending `now`; an open complaint counts whatever its age (the older,
 * the more urgent).
 */
export function signalsOf(
  contacts: readonly CustomerContact[],
  now: number,
  rules: SignalRules,
): Signals {
  const from = now - rules.windowDays * DAY_MS;
  const recent = contacts.filter((c) => c.at >= from && c.at <= now);
  const byMatter = new Map<string, number>();
  for (const c of recent) {
    const key = `${c.kind}:${c.matter}`;
    byMatter.set(key, (byMatter.get(key) ?? 0) + 1);
  }
  const open = contacts.filter((c) => c.open).sort((a, b) => a.at - b.at);
  return {
    repeatCount: Math.max(0, ...byMatter.values()),
    billingDisputes: recent.filter((c) => c.billing).length,
    openComplaints: open.length,
    oldestOpenAt: open[0]?.at ?? null,
    openAssignee: open.find((c) => c.assignee !== null)?.assignee ?? null,
    lastContactAt: contacts.length === 0 ? null : Math.max(...contacts.map((c) => c.at)),
  };
}

/** Which reasons put the customer on the list (none: not listed). */
export function reasonsOf(s: Signals, rules: SignalRules): SensitiveReason[] {
  const out: SensitiveReason[] = [];
  if (s.repeatCount >= rules.repeatAt) out.push('repeat');
  if (s.billingDisputes > 0) out.push('billing');
  if (s.openComplaints > 0) out.push('open_complaint');
  return out;
}
