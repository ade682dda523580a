export { parseRetryAfter } from '../central-client/http';

export interface BackoffPolicy {
  /** First retry window. */
  baseMs: number;
  /** Largest window: after enough failures every wait is drawn from [floorMs, capMs]. */
  capMs: number;
  /** Smallest wait, so a random draw near zero cannot turn into a hot loop. */
  floorMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000, floorMs: 100 };

/** The window after `failures` consecutive failures (1 = the first): min(cap, base·2^(n−1)). */
export function backoffWindow(policy: BackoffPolicy, failures: number): number {
  const exp = Math.min(Math.max(failures - 1, 0), 40); // 2^40 ms is past any cap
  return Math.min(policy.capMs, policy.baseMs * 2 ** exp);
}

/**
 * Full-jitter exponential backoff (a uniform draw over the whole window), never sooner than the
 * server's Retry-After. Full jitter spreads many consoles coming back after one outage.
 */
export function backoffDelay(
  policy: BackoffPolicy,
  failures: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const jittered = Math.max(policy.floorMs, Math.floor(random() * backoffWindow(policy, failures)));
  return retryAfterMs !== undefined ? Math.max(jittered, retryAfterMs) : jittered;
}
