import { createRateLimiter } from '../protected-search/rate-limit';

/**
 * The kiosk look-up's slow-down against guessing (docs/security.md): only misses count (a wrong
 * pair, an unknown number, a malformed phone), within a sliding minute, in two budgets:
 *
 * - per visit (the kiosk screen's own id, new for each customer): 5 misses, then that visit
 *   waits, so one customer's typing mistakes do not lock the kiosk for the next one;
 * - per station, every visit together: 15 misses, then every look-up there waits. A caller
 *   can make up visit ids, so this ceiling is what bounds guessing: at most 15 tries a minute
 *   per kiosk, whatever the ids. A call without a visit id shares one visit budget of 5 (the
 *   rule before visits had ids).
 *
 * While a budget is spent even a right pair is refused unchecked: answering it would tell the
 * guess apart. Only timestamps are kept, never what was typed.
 */
export const MISS_WINDOW_MS = 60_000;
export const VISIT_MAX_MISSES = 5;
export const STATION_MAX_MISSES = 15;

export interface MissBudget {
  /** Seconds until this visit may look up again; 0 when it may now. */
  waitSeconds(visit: string | undefined): number;
  miss(visit: string | undefined): void;
}

export function createMissBudget(now: () => number): MissBudget {
  const station = createRateLimiter({ max: STATION_MAX_MISSES, windowMs: MISS_WINDOW_MS, now });
  const visits = createRateLimiter({ max: VISIT_MAX_MISSES, windowMs: MISS_WINDOW_MS, now });
  return {
    waitSeconds(visit) {
      const ms = Math.max(station.waitMs('station'), visits.waitMs(visit ?? ''));
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    },
    miss(visit) {
      station.count('station');
      visits.count(visit ?? '');
    },
  };
}
