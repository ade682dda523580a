import type { Outbox } from './outbox';
import type { SyncHealth } from './sync-health';

export interface WatchdogOptions {
  outbox: Outbox;
  health: SyncHealth;
  now: () => number;
  checkMs?: number | undefined;
  stallMs?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

/**
 * Alerts when pending work has not moved for stallMs while the central system answers (an
 * outage has its own signs; this catches a queue stuck behind something nobody sees).
 */
export function createWatchdog(opts: WatchdogOptions) {
  const { outbox, health, now } = opts;
  const stallMs = opts.stallMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;

  function check(): void {
    const counts = outbox.counts();
    const movable = counts.pending - counts.blocked;
    if (movable === 0) {
      health.progressed();
      health.clear('stalled');
      return;
    }
    if (now() - health.lastProgressAt < stallMs) {
      health.clear('stalled');
    } else if (health.linkUp && !health.halted) {
      health.raise('stalled');
      opts.log?.(
        `sync: watchdog: ${movable} operations pending, none acknowledged for ${stallMs} ms`,
      );
    }
  }

  return {
    check,
    start(): void {
      timer ??= setInterval(check, opts.checkMs ?? 30_000);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export type Watchdog = ReturnType<typeof createWatchdog>;
