/**
 * When what the alert banner shows changes by itself: the earliest start still ahead or end of
 * the alerts on screen. The store reads again then (one timer at a known time, not a poll).
 */
export function nextAlertBoundary(
  alerts: readonly { startsAt?: string; endsAt: string }[],
  now: number,
): number | null {
  let next: number | null = null;
  for (const a of alerts) {
    for (const iso of [a.startsAt, a.endsAt]) {
      const at = iso === undefined ? NaN : Date.parse(iso);
      if (at > now && (next === null || at < next)) next = at;
    }
  }
  return next;
}

/** setTimeout's longest delay (about 24.8 days); a later boundary is waited for in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
