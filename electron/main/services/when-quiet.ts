/**
 * Runs start-up chores (loading a dictionary, warming a cache) once the first screen has been
 * drawn: after the first call, when no call has come for `quietMs`. A call while a chore waits
 * (`touch`) starts the quiet period again. Before any call the page is still loading its
 * scripts (no calls yet, but far from idle), so a host nobody has called waits `idleStartMs`
 * instead. Each chore runs once.
 */
export interface WhenQuiet {
  /** Runs `chore` after the next quiet period. */
  run(chore: () => void): void;
  /** A call came in: the quiet period starts again. */
  touch(): void;
  /** Drops the chores still waiting. */
  cancel(): void;
}

export interface WhenQuietOptions {
  /** No call for this long after the last one: the chores run. */
  quietMs: number;
  /** With no call at all, the chores run this long after they were scheduled. */
  idleStartMs: number;
}

export function whenQuiet({ quietMs, idleStartMs }: WhenQuietOptions): WhenQuiet {
  let chores: (() => void)[] = [];
  let called = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    const due = chores;
    chores = [];
    for (const chore of due) chore();
  };
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, ms);
    timer.unref?.();
  };
  return {
    run(chore) {
      chores.push(chore);
      arm(called ? quietMs : idleStartMs);
    },
    touch() {
      called = true;
      if (chores.length > 0) arm(quietMs);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      chores = [];
    },
  };
}
