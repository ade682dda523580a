import {
  EVENTS,
  mayReceive,
  parseEvent,
  type EventName,
  type EventPayload,
  type HallEvent,
} from '../../../../shared/api/events';
import type { Role } from '../../../../shared/api/permissions';

/** Who is at the other end of one stream: fixed when the stream opens (events.ticket). */
export interface Subscriber {
  role: Role;
  /** The signed-in staff member (staff stations); absent for kiosk and display. */
  staffNo?: string;
  /** The session token the stream was opened with; kept in memory only, never sent or logged. */
  session?: string;
}

/** Which sessions a targeted event is for: a staff member's, one session, or all but one. */
export interface EventTarget {
  staffNo?: string;
  session?: string;
  exceptSession?: string;
}

export type Deliver = (event: HallEvent) => void;

function reaches(sub: Subscriber, name: EventName, target: EventTarget | undefined): boolean {
  if (!mayReceive(sub.role, name)) return false;
  const targeted = 'targeted' in EVENTS[name] && EVENTS[name].targeted;
  if (!targeted) return true;
  // A targeted event without a target, or a stream without a session, reaches no one.
  if (!target || !sub.session) return false;
  if (target.session !== undefined && target.session !== sub.session) return false;
  if (target.staffNo !== undefined && target.staffNo !== sub.staffNo) return false;
  if (target.exceptSession !== undefined && target.exceptSession === sub.session) return false;
  return target.session !== undefined || target.staffNo !== undefined;
}

/**
 * The one event channel of a station's services: sources publish, streams (SSE in the web host,
 * a window in Electron) subscribe with their role and session, and each event goes only to
 * the streams the event table lets see it.
 */
export function createEventBus(opts: { log?: (line: string) => void } = {}) {
  const streams = new Map<number, { sub: Subscriber; deliver: Deliver; end?: () => void }>();
  const firstListeners = new Set<() => void>();
  let nextId = 1;

  function publish<N extends EventName>(
    name: N,
    payload: EventPayload<N>,
    target?: EventTarget,
  ): number {
    const event = parseEvent({ name, payload });
    if (!event) throw new Error(`event ${name}: payload does not match the event table`);
    let delivered = 0;
    for (const { sub, deliver } of [...streams.values()]) {
      if (!reaches(sub, name, target)) continue;
      try {
        deliver(event);
        delivered++;
      } catch {
        opts.log?.(`events: a stream failed to take ${name}`);
      }
    }
    return delivered;
  }

  /** `end` is called if the services close first: the stream should then end too. */
  function subscribe(sub: Subscriber, deliver: Deliver, end?: () => void): () => void {
    const id = nextId++;
    streams.set(id, { sub, deliver, ...(end ? { end } : {}) });
    if (streams.size === 1) for (const listener of firstListeners) listener();
    return () => void streams.delete(id);
  }

  return {
    publish,
    subscribe,
    /** The services are closing (or restarting with a new config): every stream ends. */
    close(): void {
      const open = [...streams.values()];
      streams.clear();
      for (const stream of open) stream.end?.();
    },
    /** Open streams (tests, diagnostics). */
    size: (): number => streams.size,
    /** Called whenever the first stream opens: sources that cost something start then. */
    onFirstSubscriber(listener: () => void): () => void {
      firstListeners.add(listener);
      return () => void firstListeners.delete(listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;

/** What a host's stream needs of the running services (null while the station is not set up). */
export interface StationEvents {
  bus: Pick<EventBus, 'subscribe'>;
  open(ticket: string): Subscriber | null;
}
