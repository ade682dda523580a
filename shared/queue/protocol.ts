import { z } from 'zod';
import { SYNC_ERROR_CODES } from '../sync/protocol';
import { QUEUE_CHANGE_KINDS } from '../api/events';
import { CustomerTicketsInputSchema, CustomerTicketsSchema } from './customer-tickets';
import { KioskDraftSchema, LookupInputSchema, LookupResultSchema } from './kiosk';
import {
  BoardSchema,
  ChannelSchema,
  IssuedTicketSchema,
  MeasuresQuerySchema,
  MeasuresSchema,
  PrioritySchema,
  QueueConfigSchema,
  RateInputSchema,
  ServiceCodeSchema,
  TicketSchema,
  TicketNoteSchema,
  TicketStateSchema,
  UndoActionSchema,
} from './schemas';

/**
 * The hall queue's side of the central link: `POST /v1/queue/<op>` with a device bearer token
 * (the same device registration as sync). The calling counter is the device's station code,
 * taken from the token, never from the body. Each op has one input and one output schema.
 */
/** How long the hub holds a `watch` before answering with an unchanged counter. */
export const QUEUE_WATCH_WAIT_MS = 20_000;
/** Calls on the board a `watch` answer carries (as many as the hall display shows). */
export const QUEUE_WATCH_BOARD_CALLS = 8;

const TicketRef = z.object({ ticketId: z.uuid() }).strict();
const NullableTicket = z.object({ ticket: TicketSchema.nullable() });

export const QUEUE_OPS = {
  config: { input: z.object({}).strict(), output: QueueConfigSchema },
  saveConfig: {
    input: z.object({ config: QueueConfigSchema }).strict(),
    output: QueueConfigSchema,
  },
  issue: {
    input: z
      .object({
        /** Client-made UUIDv7: issuing again with the same id returns the same ticket. */
        id: z.uuid(),
        serviceCode: ServiceCodeSchema,
        priority: PrioritySchema,
        channel: ChannelSchema,
        /** Set for a ticket issued offline at a station: its number and time are kept. */
        offline: z
          .object({ number: z.string().max(24), issuedAt: z.iso.datetime({ offset: true }) })
          .optional(),
        kioskDraft: KioskDraftSchema.optional(),
        /** The guide's triage note for the clerk who calls the ticket. */
        note: TicketNoteSchema.optional(),
        /** The station's customer id when the customer was identified (customer record). */
        customerRef: z.uuid().optional(),
      })
      .strict(),
    output: IssuedTicketSchema,
  },
  callNext: {
    input: z
      .object({
        /** Retrying with the same id after a lost answer returns the ticket already called. */
        requestId: z.uuid(),
        services: z.array(ServiceCodeSchema).min(1).max(26),
        /** Only tickets issued for these customers (an account manager's "call my customer"). */
        customers: z.array(z.uuid()).min(1).max(500).optional(),
      })
      .strict(),
    output: NullableTicket,
  },
  recall: { input: TicketRef, output: TicketSchema },
  serve: { input: TicketRef, output: TicketSchema },
  noShow: { input: TicketRef, output: TicketSchema },
  cancel: { input: TicketRef, output: TicketSchema },
  transfer: {
    input: z.object({ ticketId: z.uuid(), toService: ServiceCodeSchema, newId: z.uuid() }).strict(),
    output: TicketSchema,
  },
  finish: {
    input: z
      .object({
        ticketId: z.uuid(),
        servicesDone: z.array(z.string().max(64)).max(30),
        applicationIds: z.array(z.uuid()).max(50),
      })
      .strict(),
    output: TicketSchema,
  },
  /** Takes back this counter's last no-show or transfer while nobody else has acted on it. */
  undo: {
    input: z.object({ ticketId: z.uuid(), action: UndoActionSchema }).strict(),
    output: TicketSchema,
  },
  /** A no-show of today waits again with its number, priority and arrival (docs/queue.md). */
  requeue: { input: TicketRef, output: TicketSchema },
  current: { input: z.object({}).strict(), output: NullableTicket },
  ticket: { input: TicketRef, output: TicketSchema },
  tickets: {
    input: z
      .object({
        states: z.array(TicketStateSchema).max(7).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(TicketSchema),
  },
  board: {
    input: z.object({ limit: z.number().int().min(1).max(50).default(8) }).strict(),
    output: BoardSchema,
  },
  rate: { input: RateInputSchema, output: z.object({ ticketNumber: z.string() }) },
  measures: { input: MeasuresQuerySchema, output: MeasuresSchema },
  takeKioskDraft: {
    input: z.object({ ticketId: z.uuid(), applicationId: z.uuid() }).strict(),
    output: z.object({ draft: KioskDraftSchema }),
  },
  kioskDraft: { input: TicketRef, output: z.object({ draft: KioskDraftSchema.nullable() }) },
  lookup: { input: LookupInputSchema, output: LookupResultSchema },
  /** One customer's tickets in this hall with their ratings (the customer timeline). */
  customerTickets: { input: CustomerTicketsInputSchema, output: CustomerTicketsSchema },
  /**
   * Long poll for board changes: answers as soon as the hall's change counter differs from
   * `since` (at once when it already does), or with the same counter after about 20 s. The
   * station turns each answer into a pushed `queue.changed` event for its screens.
   */
  watch: {
    input: z.object({ since: z.number().int().nonnegative() }).strict(),
    output: z
      .object({
        version: z.number().int().nonnegative(),
        /** The last change's operation; null before the first change since the hub started. */
        kind: z.enum(QUEUE_CHANGE_KINDS).nullable(),
        /** The board as of this answer, so the screens need not ask for it again. */
        board: BoardSchema,
      })
      .strict(),
  },
} as const;

export type QueueOps = typeof QUEUE_OPS;
export type QueueOp = keyof QueueOps;
export type QueueOpInput<O extends QueueOp> = z.input<QueueOps[O]['input']>;
export type QueueOpParsed<O extends QueueOp> = z.output<QueueOps[O]['input']>;
export type QueueOpOutput<O extends QueueOp> = z.output<QueueOps[O]['output']>;
export const isQueueOp = (name: string): name is QueueOp =>
  Object.prototype.hasOwnProperty.call(QUEUE_OPS, name);

/** Why a queue operation was refused, beyond the HTTP status. */
export const QUEUE_REASONS = [
  'cap_reached',
  'counter_busy',
  'wrong_state',
  'not_your_ticket',
  'unknown_service',
  'already_rated',
  'not_served',
  'stale_day',
  'undo_expired',
  'undo_superseded',
  'undo_counter_busy',
  'not_no_show',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

export const QueueErrorBodySchema = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
  reason: z.enum(QUEUE_REASONS).optional(),
});
export type QueueErrorBody = z.infer<typeof QueueErrorBodySchema>;
