/**
 * A sliding-window limit per key (a staff member or station): at most `max` distinct events in any `windowMs`.
 * An event repeated inside the window (the same search paged or re-sorted) is not counted
 * again: it teaches nothing new. Keys with no event inside the window are dropped, so the map
 * stays as small as the hall.
 */
export function createRateLimiter(opts: { max: number; windowMs: number; now: () => number }) {
  /** Per key: the time each distinct event was last counted. */
  const events = new Map<string, Map<string, number>>();
  let seq = 0;

  function recent(key: string, at: number): Map<string, number> {
    const list = events.get(key) ?? new Map<string, number>();
    for (const [event, t] of list) if (t <= at - opts.windowMs) list.delete(event);
    events.set(key, list);
    return list;
  }

  function prune(at: number): void {
    for (const [key, list] of events) {
      if (![...list.values()].some((t) => t > at - opts.windowMs)) events.delete(key);
    }
  }

  return {
    /**
     * Counts `event` for `key`; false (and nothing counted) when the key is over the limit.
     * Without an event name every call is distinct.
     */
    take(key: string, event?: string): boolean {
      const at = opts.now();
      prune(at);
      const list = recent(key, at);
      if (event !== undefined && list.has(event)) return true;
      if (list.size >= opts.max) return false;
      list.set(event ?? `#${(seq += 1)}`, at);
      return true;
    },
    /** Counts one more event for `key` whatever the limit (for callers that check `waitMs` first). */
    count(key: string): void {
      const at = opts.now();
      prune(at);
      recent(key, at).set(`#${(seq += 1)}`, at);
    },
    /** ms until `key` is under the limit again (its oldest event that keeps it full leaves); 0 now. */
    waitMs(key: string): number {
      const at = opts.now();
      prune(at);
      const times = [...recent(key, at).values()].sort((a, b) => a - b);
      return times.length >= opts.max
        ? (times[times.length - opts.max] as number) + opts.windowMs - at
        : 0;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
