/**
 * Main-thread tasks of the page's renderer from a Chromium trace (category `toplevel`): their
 * wall time (`dur`) and the CPU time the thread got (`tdur`). Long tasks by CPU time say what the
 * page itself costs; on a loaded machine wall time also counts the waits for a core.
 */
export interface TaskTimes {
  /** Wall-clock durations, ms. */
  wall: number[];
  /** Thread CPU time of the same tasks, ms. */
  cpu: number[];
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const TASK = 'ThreadControllerImpl::RunTask';

export function rendererTasks(trace: Buffer): TaskTimes {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === TASK && mains.has(`${e.pid}:${e.tid}`),
  );
  // The busiest renderer is the page's (others are blank or extension-less helpers).
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of tasks) {
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    // Appended in place: copying the list per task took minutes over a whole-list run.
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const page = [...byThread.values()].sort((a, b) => total(b, 'dur') - total(a, 'dur'))[0] ?? [];
  return {
    wall: page.map((e) => (e.dur ?? 0) / 1000),
    cpu: page.map((e) => (e.tdur ?? 0) / 1000),
  };
}

const total = (events: TraceEvent[], key: 'dur' | 'tdur'): number =>
  events.reduce((sum, e) => sum + (e[key] ?? 0), 0);
