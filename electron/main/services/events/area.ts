import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { eventsMethods } from '../../../../shared/api/methods/events';
import type { QueueChangeKind } from '../../../../shared/api/events';
import { hook, type AnyHook } from '../compose';
import { signInRequired } from '../auth/errors';
import { createEventBus, type EventBus, type Subscriber } from './bus';
import { createTicketStore } from './tickets';

export interface EventsArea {
  bus: EventBus;
  handlers: HandlersFor<typeof eventsMethods>;
  /** Takes a ticket from `events.ticket` (once): the stream's subscriber, or null. */
  open(ticket: string): Subscriber | null;
  /** After-hooks that announce this station's own queue changes at once. */
  hooks: AnyHook[];
}

/** The subscriber a stream opened by this caller gets: its role, and its session when signed in. */
function subscriberOf(ctx: CallContext): Subscriber {
  if (!ctx.role) throw signInRequired();
  const staff = ctx.role === 'counter' || ctx.role === 'guide' || ctx.role === 'supervisor';
  return {
    role: ctx.role,
    ...(staff && ctx.session ? { staffNo: ctx.actor, session: ctx.session } : {}),
  };
}

/** Queue methods that change the board, and what the event says changed. */
const LOCAL_QUEUE_CHANGES = {
  'queue.issue': 'issue',
  'queue.cancel': 'cancel',
  'queue.callNext': 'callNext',
  'queue.recall': 'recall',
  'queue.serve': 'serve',
  'queue.noShow': 'noShow',
  'queue.transfer': 'transfer',
  'queue.undo': 'undo',
  'queue.requeue': 'requeue',
  'queue.finish': 'finish',
  'queue.saveConfig': 'saveConfig',
} as const satisfies Record<string, QueueChangeKind>;

/** The events area of createServices: the bus, the stream tickets and `events.ticket`. */
export function createEventsArea(opts: { now: () => number; log?: (line: string) => void }) {
  const bus = createEventBus(opts.log ? { log: opts.log } : {});
  const tickets = createTicketStore(opts.now);
  const hooks = [
    ...Object.entries(LOCAL_QUEUE_CHANGES).map(([method, kind]) =>
      hook({
        method: method as keyof typeof LOCAL_QUEUE_CHANGES,
        why: "this station's own queue change reaches its screens at once (offline tickets too)",
        after: () => void bus.publish('queue.changed', { kind, version: null, board: null }),
      }),
    ),
    ...(['alerts.raise', 'alerts.end'] as const).map((method) =>
      hook({
        method,
        why: "a hall alert raised or ended here reaches every staff screen's banner at once",
        after: () => void bus.publish('alerts.changed', {}),
      }),
    ),
  ] as AnyHook[];
  const area: EventsArea = {
    bus,
    handlers: {
      'events.ticket': (_input, ctx) => ({ ticket: tickets.issue(subscriberOf(ctx)) }),
    },
    open: (ticket) => tickets.take(ticket),
    hooks,
  };
  return area;
}
