import type { QueueChangeKind } from '../../shared/api/events';
import { QUEUE_WATCH_WAIT_MS } from '../../shared/queue/protocol';

interface HallVersion {
  version: number;
  kind: QueueChangeKind | null;
  waiters: Set<() => void>;
}

/**
 * The hall queue's change counter per hall, in memory, and the stations' long polls on it
 * (`POST /v1/queue/watch`). It starts at the process's start time in milliseconds, so a hub
 * restarted meanwhile answers a station's older counter at once instead of waiting.
 */
export function createBoardVersions(opts: { now?: () => number; waitMs?: number } = {}) {
  const now = opts.now ?? Date.now;
  const waitMs = opts.waitMs ?? QUEUE_WATCH_WAIT_MS;
  const base = now();
  const halls = new Map<string, HallVersion>();
  const of = (hall: string): HallVersion => {
    let entry = halls.get(hall);
    if (!entry) {
      entry = { version: base, kind: null, waiters: new Set() };
      halls.set(hall, entry);
    }
    return entry;
  };
  const answer = (entry: HallVersion) => ({ version: entry.version, kind: entry.kind });

  return {
    /** After a write that changed the hall's board: wakes every watch of the hall. */
    bump(hall: string, kind: QueueChangeKind): void {
      const entry = of(hall);
      entry.version += 1;
      entry.kind = kind;
      const waiters = [...entry.waiters];
      entry.waiters.clear();
      for (const wake of waiters) wake();
    },
    /** Resolves when the counter differs from `since`, or after the wait with the same one. */
    wait(hall: string, since: number): Promise<{ version: number; kind: QueueChangeKind | null }> {
      const entry = of(hall);
      if (entry.version !== since) return Promise.resolve(answer(entry));
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          entry.waiters.delete(wake);
          resolve(answer(entry));
        };
        const timer = setTimeout(wake, waitMs);
        timer.unref?.();
        entry.waiters.add(wake);
      });
    },
  };
}

export type BoardVersions = ReturnType<typeof createBoardVersions>;
