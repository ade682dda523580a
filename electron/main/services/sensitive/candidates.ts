import type { AcceptedKey } from '../applications/repository';
import type { ComplaintKey } from '../complaints/service';
import type { CustomerRow } from '../customers/store';
import type { SignalRules } from './signals';

const DAY_MS = 86_400_000;

export interface CandidateRules extends SignalRules {
  meterTestType: string;
  billingSubjects: ReadonlySet<string>;
  openStates: ReadonlySet<string>;
}

/**
 * The customers who could be on the sensitive list, from one read of the contacts in the
 * window instead of four look-ups per customer. A customer is listed for a repeat (at least
 * `repeatAt` contacts on one matter in the window), a billing dispute in the window, or an open
 * complaint; so a customer whose keys (their own and their merged duplicates') carry fewer than
 * `repeatAt` contacts in the window, no billing contact in it and no open complaint cannot be.
 * Over-counting is safe (a complaint found by ID number and by phone counts twice): the
 * candidates are then assessed exactly, one by one.
 */
export function sensitiveCandidates(
  live: readonly CustomerRow[],
  merged: readonly CustomerRow[],
  applications: readonly AcceptedKey[],
  complaints: readonly ComplaintKey[],
  now: number,
  rules: CandidateRules,
): CustomerRow[] {
  const from = now - rules.windowDays * DAY_MS;
  const weight = new Map<string, number>();
  const flagged = new Set<string>();
  const add = (key: string | null, prefix: string, flag: boolean) => {
    if (!key) return;
    const k = `${prefix}:${key}`;
    weight.set(k, (weight.get(k) ?? 0) + 1);
    if (flag) flagged.add(k);
  };
  for (const a of applications) {
    const billing = a.type_code === rules.meterTestType;
    add(a.id_number_bidx, 'id', billing);
    add(a.credit_code_bidx, 'cc', billing);
  }
  for (const c of complaints) {
    const open = rules.openStates.has(c.state);
    if (c.taken_at < from || c.taken_at > now) {
      // Outside the window only an open complaint counts.
      if (open)
        for (const [key, p] of [
          [c.id_number_bidx, 'id'],
          [c.mobile_bidx, 'mob'],
        ] as const)
          if (key) flagged.add(`${p}:${key}`);
      continue;
    }
    const flag = open || rules.billingSubjects.has(c.subject);
    add(c.id_number_bidx, 'id', flag);
    add(c.mobile_bidx, 'mob', flag);
  }
  // The same keys as the exact look-ups: an organisation's complaints come by phone only.
  const keysOf = (r: CustomerRow): string[] => {
    const org = r.cert_type === 'credit_code';
    return [
      r.cert_bidx ? `${org ? 'cc' : 'id'}:${r.cert_bidx}` : '',
      r.mobile_bidx ? `mob:${r.mobile_bidx}` : '',
    ].filter((k) => k !== '');
  };
  const duplicates = new Map<string, CustomerRow[]>();
  for (const d of merged) {
    if (d.merged_into) duplicates.set(d.merged_into, [...(duplicates.get(d.merged_into) ?? []), d]);
  }
  return live.filter((row) => {
    const keys = [row, ...(duplicates.get(row.id) ?? [])].flatMap(keysOf);
    if (keys.some((k) => flagged.has(k))) return true;
    return keys.reduce((sum, k) => sum + (weight.get(k) ?? 0), 0) >= rules.repeatAt;
  });
}
