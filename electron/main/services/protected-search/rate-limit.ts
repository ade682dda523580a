/**
 * A sliding-window limit per key (a session): at most `max` events in any `windowMs`.
 * Keys with no event inside the window are dropped, so the map stays as small as the hall.
 */
export function createRateLimiter(opts: { max: number; windowMs: number; now: () => number }) {
  const events = new Map<string, number[]>();

  function prune(at: number): void {
    for (const [key, list] of events) {
      if ((list[list.length - 1] ?? 0) <= at - opts.windowMs) events.delete(key);
    }
  }

  return {
    /** Counts one event for `key`; false (and nothing counted) when the key is over the limit. */
    take(key: string): boolean {
      const at = opts.now();
      prune(at);
      const list = (events.get(key) ?? []).filter((t) => t > at - opts.windowMs);
      if (list.length >= opts.max) {
        events.set(key, list);
        return false;
      }
      list.push(at);
      events.set(key, list);
      return true;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
