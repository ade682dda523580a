/**
 * Fault mode of the reference central system, for tests and demos. A spec is a comma list of
 * `kind=rate` (0..1, the share of /v1 requests that get that fault) and settings:
 *
 *   drop=0.03,lostack=0.03,500=0.03,503=0.03,429=0.03,slow=0.03,truncate=0.03,refuse=0.03,
 *   slowMs=1500,retryAfter=1,refuseMs=300
 *
 * `all=0.24` spreads a total rate evenly over every kind. At most one fault hits a request, so
 * the rates must add up to 1 or less.
 */
export const FAULT_KINDS = [
  'drop', // destroy the socket before handling: nothing happened centrally
  'lostack', // handle and commit, then destroy the socket: the answer is lost
  'e500',
  'e503', // with Retry-After
  'e429', // with Retry-After
  'slow', // answer after slowMs (clients with shorter timeouts give up; the work is still done)
  'truncate', // handle and commit, then send half the body and cut the connection
  'refuse', // close the listener for refuseMs: connections are refused meanwhile
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  rates: Record<FaultKind, number>;
  slowMs: number;
  retryAfterSeconds: number;
  refuseMs: number;
}

const ALIASES: Record<string, FaultKind> = { '500': 'e500', '503': 'e503', '429': 'e429' };

export const noFaults = (): FaultPlan => ({
  rates: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  slowMs: 1500,
  retryAfterSeconds: 1,
  refuseMs: 300,
});

export function parseFaultSpec(spec: string): FaultPlan {
  const plan = noFaults();
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [rawKey, rawValue] = part.split('=');
    const value = Number(rawValue);
    if (!rawKey || rawValue === undefined || !Number.isFinite(value) || value < 0) {
      throw new Error(`fault spec: cannot read "${part}"`);
    }
    const key = ALIASES[rawKey] ?? rawKey;
    if (key === 'all') {
      for (const k of FAULT_KINDS) plan.rates[k] = value / FAULT_KINDS.length;
    } else if ((FAULT_KINDS as readonly string[]).includes(key)) {
      plan.rates[key as FaultKind] = value;
    } else if (key === 'slowMs') plan.slowMs = value;
    else if (key === 'retryAfter') plan.retryAfterSeconds = Math.round(value);
    else if (key === 'refuseMs') plan.refuseMs = value;
    else throw new Error(`fault spec: unknown key "${rawKey}"`);
  }
  const total = FAULT_KINDS.reduce((sum, k) => sum + plan.rates[k], 0);
  if (total > 1 + 1e-9) throw new Error('fault spec: rates add up to more than 1');
  return plan;
}

export const faultTotal = (plan: FaultPlan): number =>
  FAULT_KINDS.reduce((sum, k) => sum + plan.rates[k], 0);

/** Picks the fault for one request (or none) from a uniform random number in [0, 1). */
export function pickFault(plan: FaultPlan, r: number): FaultKind | null {
  let edge = 0;
  for (const kind of FAULT_KINDS) {
    edge += plan.rates[kind];
    if (r < edge) return kind;
  }
  return null;
}
