import type { CycleOutcome } from './sync-health';

export interface SchedulerOptions {
  /** One push-and-pull cycle. */
  cycle: () => Promise<CycleOutcome>;
  /** A cycle threw (a bug, a database error): how to go on. */
  crashed: (err: unknown) => CycleOutcome;
  /** After every cycle (the status event). */
  afterRun: () => void;
  now: () => number;
  /** Pause between cycles when there is nothing to send: how fresh the mirrored stages are. */
  idlePollMs?: number | undefined;
}

/**
 * When the next cycle runs: at once after new work or when there is more, after the backoff
 * when a cycle failed, after the idle poll otherwise; never two cycles at the same time.
 */
export function createScheduler(opts: SchedulerOptions) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let rerun = false;
  let started = false;
  let nextAttemptAt: number | null = null;

  function schedule(delayMs: number): void {
    if (timer) clearTimeout(timer);
    nextAttemptAt = opts.now() + delayMs;
    timer = setTimeout(() => {
      timer = undefined;
      void runScheduled();
    }, delayMs);
  }

  async function runScheduled(): Promise<void> {
    if (running) {
      rerun = true;
      return;
    }
    let outcome = { next: 'idle' } as CycleOutcome;
    running = (async () => {
      try {
        outcome = await opts.cycle();
      } catch (err) {
        outcome = opts.crashed(err);
      }
    })();
    await running;
    running = undefined;
    opts.afterRun();
    if (!started) return;
    if (outcome.next === 'retry') schedule(outcome.delayMs);
    else if (outcome.next === 'halted') nextAttemptAt = null;
    else if (outcome.next === 'more' || rerun) schedule(0);
    else schedule(opts.idlePollMs ?? 15_000);
    rerun = false;
  }

  return {
    get started(): boolean {
      return started;
    },
    nextAttemptAt: (): number | null => nextAttemptAt,
    start(): void {
      if (started) return;
      started = true;
      schedule(0);
    },
    /** Stops the timer and waits for a cycle in flight to finish. */
    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    /** New work: run soon (after the cycle in flight), unless `backingOff`. */
    kick(backingOff: boolean): void {
      if (!started) return;
      if (running) rerun = true;
      else if (!backingOff) schedule(0);
    },
    /** Run now (after a resume). */
    now(): void {
      if (started) schedule(0);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
