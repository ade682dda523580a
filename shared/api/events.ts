import { z } from 'zod';
import { EVENT_NAMES, type EventName } from './channels';
import type { MethodName } from './contract';
import type { Role } from './permissions';
import { BoardSchema } from '../queue/schemas';

/**
 * What changed in the hall queue: the queue operation that changed the board, or `resync` when
 * the station's link to the queue came back (anything may have changed meanwhile).
 */
export const QUEUE_CHANGE_KINDS = [
  'issue',
  'callNext',
  'recall',
  'serve',
  'noShow',
  'transfer',
  'undo',
  'requeue',
  'finish',
  'cancel',
  'saveConfig',
  'resync',
] as const;
export type QueueChangeKind = (typeof QUEUE_CHANGE_KINDS)[number];

interface EventSpec {
  /** The payload, checked when published and again when received. */
  payload: z.ZodType;
  /** Who receives it. Each role must also be allowed `reads`: an event never tells a screen more than it may ask for. */
  roles: readonly Role[];
  /** The method whose answer the event announces; the screen calls it to get the news. */
  reads: MethodName;
  /** Delivered only to the streams of the session(s) it names (never broadcast). */
  targeted?: true;
}

const STAFF: Role[] = ['counter', 'guide', 'supervisor'];

/**
 * The pushed events, services to screens, the same for server-sent events (web host) and
 * `webContents.send` (Electron). Payloads carry no personal data: an event says *that*
 * something changed; the screen then reads it with a method its role may call. A new event is
 * one entry here plus its name in channels.ts, e.g. a hall alert:
 * `'hall.alert': { payload: AlertSchema, roles: STAFF, reads: 'alerts.list' }`.
 */
export const EVENTS = {
  /** The sync engine's status changed (link, counts, alerts): read `sync.status`. */
  'sync.changed': {
    payload: z.object({}).strict(),
    roles: STAFF,
    reads: 'sync.status',
  },
  /** The hall's calling board changed (a ticket issued, called, served, …): read `queue.board`. */
  'queue.changed': {
    payload: z
      .object({
        kind: z.enum(QUEUE_CHANGE_KINDS),
        /** The hall queue's change counter when known (the hub's), else null (a local change). */
        version: z.number().int().nonnegative().nullable(),
        /**
         * The board after the change when the hub said (what `queue.board` answers: ticket
         * numbers, counters, waiting counts; nothing personal), else null: read it.
         */
        board: BoardSchema.nullable(),
      })
      .strict(),
    roles: ['counter', 'guide', 'supervisor', 'display'],
    reads: 'queue.board',
  },
  /** This session was ended elsewhere (account disabled, secret reset, locked, signed out). */
  'session.ended': {
    payload: z.object({ reason: z.enum(['revoked', 'signedOut']) }).strict(),
    roles: STAFF,
    reads: 'auth.status',
    targeted: true,
  },
  /**
   * A hall alert was raised or ended here, or central's area alerts changed: read
   * `alerts.current`. Staff only; the kiosk and the display read their customer notices with
   * their own screens' reads.
   */
  'alerts.changed': {
    payload: z.object({}).strict(),
    roles: STAFF,
    reads: 'alerts.current',
  },
} as const satisfies Record<EventName, EventSpec>;

export type EventPayload<N extends EventName> = z.output<(typeof EVENTS)[N]['payload']>;
export type HallEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

/** May a screen of this role receive this event at all (before any session target)? */
export const mayReceive = (role: Role, name: EventName): boolean =>
  (EVENTS[name].roles as readonly Role[]).includes(role);

/** A received or published event, checked against the table; null when it is not one. */
export function parseEvent(raw: unknown): HallEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !(EVENT_NAMES as readonly string[]).includes(name)) return null;
  const parsed = EVENTS[name as EventName].payload.safeParse(payload);
  return parsed.success ? ({ name, payload: parsed.data } as HallEvent) : null;
}

export { EVENT_NAMES, type EventName };
