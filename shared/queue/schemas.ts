import { z } from 'zod';
import { freeText } from '../api/clean-text';
import { LocalizedTextSchema } from '../api/schemas';
import { SlipSettingsSchema } from './slip';

/**
 * The ticket queue (取号 / 叫号) as both the stations and the hall's shared store see it.
 * JSON-safe values only: the same shapes travel over IPC, the web host and the central link.
 */

/** Priority groups, highest first by default weight (docs/domain.md "The queue"). */
export const PRIORITIES = ['green', 'vip', 'elderly', 'appointment', 'normal'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;
/**
 * What a customer may ask for at the kiosk: care for the elderly. 预约 comes from checking a
 * booking in, VIP and green channel are the guide's call (docs/queue.md).
 */
export const KIOSK_PRIORITIES = ['normal', 'elderly'] as const satisfies readonly Priority[];

export const TICKET_STATES = [
  'issued',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'transferred',
] as const;
export const TicketStateSchema = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketStateSchema>;

/** Where a ticket was taken. */
export const CHANNELS = ['guide', 'kiosk', 'counter'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const ServiceCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/);

export const ServiceConfigSchema = z.object({
  code: ServiceCodeSchema,
  /** One capital letter: the ticket reads prefix + number (A001). */
  prefix: z.string().regex(/^[A-Z]$/),
  name: LocalizedTextSchema,
  /** Tickets per hall day; the next one is refused. */
  dailyCap: z.number().int().min(1).max(9999),
  /** Waiting count at which the service shows a warning. */
  warnAt: z.number().int().min(1).max(9999),
  /** Business families and types this service takes, for the guide's triage. */
  families: z.array(z.enum(['new', 'increase', 'change'])).default([]),
  typeCodes: z.array(z.string().max(64)).default([]),
});
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;

export const QueueConfigSchema = z
  .object({
    /** Bumped on every change so stations can tell a newer configuration. */
    version: z.number().int().min(1),
    services: z.array(ServiceConfigSchema).min(1).max(26),
    weights: z.record(PrioritySchema, z.number().int().min(0).max(1000)),
    /** Display names of counters by station code; absent = "<code> 号窗口". */
    counters: z.record(z.string(), LocalizedTextSchema).default({}),
    /** A wait longer than this counts as a long wait in the measures. */
    longWaitMinutes: z.number().int().min(1).max(240).default(15),
    /** The kiosk's printed ticket slip (roll width, queue query address); absent = 80 mm, no QR. */
    slip: SlipSettingsSchema.optional(),
  })
  .superRefine((cfg, ctx) => {
    const prefixes = new Set<string>();
    const codes = new Set<string>();
    cfg.services.forEach((s, i) => {
      if (prefixes.has(s.prefix)) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'prefix'], message: 'duplicate' });
      }
      if (codes.has(s.code)) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: 'duplicate' });
      }
      prefixes.add(s.prefix);
      codes.add(s.code);
    });
  });
export type QueueConfig = z.infer<typeof QueueConfigSchema>;

const Iso = z.iso.datetime({ offset: true });

/** Free text a guide or kiosk customer leaves for the clerk: one line, no markup. */
export const TicketNoteSchema = freeText().max(200);

/** What a counter can take back within the undo window. */
export const UNDO_ACTIONS = ['noShow', 'transfer'] as const;
export const UndoActionSchema = z.enum(UNDO_ACTIONS);
export type UndoAction = z.infer<typeof UndoActionSchema>;

/** How long after a no-show or transfer the store still accepts its undo (the panel offers 8 s). */
export const UNDO_WINDOW_MS = 15_000;

export const TicketSchema = z.object({
  id: z.uuid(),
  /** What the customer holds and the display calls: A001, or G01-A001 for an offline ticket. */
  number: z.string(),
  serviceCode: z.string(),
  serviceName: LocalizedTextSchema,
  priority: PrioritySchema,
  state: TicketStateSchema,
  channel: ChannelSchema,
  /** Hall day, YYYY-MM-DD. */
  day: z.string(),
  issuedAt: Iso,
  calledAt: Iso.nullable(),
  servingAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  counter: z.string().nullable(),
  counterName: LocalizedTextSchema.nullable(),
  callCount: z.number().int(),
  /** The row this one continues after a transfer (same number, another service). */
  transferredFrom: z.uuid().nullable(),
  servicesDone: z.array(z.string()),
  applicationIds: z.array(z.string()),
  /** Issued while the shared queue could not be reached, merged in later. */
  offline: z.boolean(),
  hasKioskDraft: z.boolean(),
  rated: z.boolean(),
  /** The guide's triage note and the kiosk customer's note, '' when none. */
  guideNote: z.string(),
  kioskNote: z.string(),
  /** The station's customer id the ticket was issued for (customer record); absent: unknown. */
  customerRef: z.uuid().nullable().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const IssuedTicketSchema = TicketSchema.extend({
  /** Waiting tickets of the same service that will be called first; null when not known (offline). */
  ahead: z.number().int().nullable(),
  /** The service's waiting count has reached its warning threshold. */
  warn: z.boolean(),
});
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

export const ServiceLoadSchema = z.object({
  code: z.string(),
  prefix: z.string(),
  name: LocalizedTextSchema,
  waiting: z.number().int(),
  issuedToday: z.number().int(),
  dailyCap: z.number().int(),
  warnAt: z.number().int(),
  warn: z.boolean(),
  full: z.boolean(),
});
export type ServiceLoad = z.infer<typeof ServiceLoadSchema>;

export const BoardCallSchema = z.object({
  /** Increases with every call and re-call: the display speaks each new one once. */
  eventId: z.number().int(),
  kind: z.enum(['call', 'recall']),
  ticketNumber: z.string(),
  counter: z.string(),
  counterName: LocalizedTextSchema,
  at: Iso,
});
export type BoardCall = z.infer<typeof BoardCallSchema>;

export const BoardSchema = z.object({
  calls: z.array(BoardCallSchema),
  services: z.array(ServiceLoadSchema),
  serverTime: Iso,
});
export type Board = z.infer<typeof BoardSchema>;

export const RATINGS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export const RatingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof RatingSchema>;
const Score = z.number().int().min(1).max(5);

export const RateInputSchema = z.object({
  /** The number on the customer's ticket, today (A001). */
  ticketNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(16)
    .regex(/^[A-Z0-9-]+$/),
  rating: RatingSchema,
  attitude: Score.optional(),
  quality: Score.optional(),
  efficiency: Score.optional(),
});
export type RateInput = z.infer<typeof RateInputSchema>;

export const MeasureRowSchema = z.object({
  key: z.string(),
  name: LocalizedTextSchema,
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  /** Minutes; null when nothing was called. */
  avgWaitMinutes: z.number().nullable(),
  maxWaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
  /** Called after waiting longer than longWaitMinutes. */
  longWaits: z.number().int(),
  /** Still waiting now, and of those, waiting longer than longWaitMinutes. */
  waitingNow: z.number().int(),
  waitingLongNow: z.number().int(),
});
export type MeasureRow = z.infer<typeof MeasureRowSchema>;

export const RatingSummarySchema = z.object({
  count: z.number().int(),
  verySatisfied: z.number().int(),
  satisfied: z.number().int(),
  dissatisfied: z.number().int(),
  avgAttitude: z.number().nullable(),
  avgQuality: z.number().nullable(),
  avgEfficiency: z.number().nullable(),
});
export type RatingSummary = z.infer<typeof RatingSummarySchema>;

export const MeasuresSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  longWaitMinutes: z.number().int(),
  total: MeasureRowSchema,
  byService: z.array(MeasureRowSchema),
  byCounter: z.array(MeasureRowSchema),
  ratings: RatingSummarySchema,
});
export type Measures = z.infer<typeof MeasuresSchema>;

export const MeasuresQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
