import { z } from 'zod';
import { ChecklistInputSchema, ChecklistSchema } from '../../queue/checklist';
import {
  KioskContentSchema,
  KioskDraftSchema,
  KioskLookupInputSchema,
  LookupResultSchema,
} from '../../queue/kiosk';
import {
  BoardSchema,
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
} from '../../queue/schemas';
import { Empty } from './core';

const TicketRef = z.object({ ticketId: z.uuid() }).strict();

/** A staff station (sign-in), an unattended kiosk, or a hall display: a station setting. */
export const STATION_KINDS = ['staff', 'kiosk', 'display'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const StationInfoSchema = z.object({
  kind: z.enum(STATION_KINDS),
  stationCode: z.string(),
  /** Seconds without a touch before the kiosk starts its countdown, and the countdown itself. */
  kioskIdleSeconds: z.number().int(),
  kioskCountdownSeconds: z.number().int(),
  /** A central system is configured: the shared queue can be reached (when the link is up). */
  queueConfigured: z.boolean(),
});

export const QueueStatusSchema = z.object({
  configured: z.boolean(),
  online: z.boolean(),
  lastError: z.string().nullable(),
  lastSuccessAt: z.iso.datetime({ offset: true }).nullable(),
  /** Tickets issued here while offline: still to merge, merged, and void (another day). */
  offlinePending: z.number().int(),
  offlineMerged: z.number().int(),
  offlineVoid: z.number().int(),
});
export type QueueStatus = z.infer<typeof QueueStatusSchema>;

export const LinkedApplicationSchema = z.object({
  id: z.uuid(),
  appNo: z.string().nullable(),
  typeCode: z.string(),
  state: z.string(),
});

/** Hall guide, shared ticket queue, calling display and kiosk (issue: queue and kiosk). */
export const queueMethods = {
  'station.get': { input: Empty, output: StationInfoSchema },
  'queue.status': { input: Empty, output: QueueStatusSchema },
  'queue.config': {
    input: Empty,
    output: z.object({ config: QueueConfigSchema, fresh: z.boolean() }),
  },
  'queue.saveConfig': { input: z.object({ config: QueueConfigSchema }), output: QueueConfigSchema },
  /** Issues a ticket; when the shared queue cannot be reached, an offline ticket (G01-A001). */
  'queue.issue': {
    input: z
      .object({
        serviceCode: ServiceCodeSchema,
        priority: PrioritySchema,
        /** The guide's triage note, shown to the clerk who calls the ticket. */
        note: TicketNoteSchema.optional(),
        /** The identified customer: their tags raise the priority (docs/customers.md). */
        customerId: z.uuid().optional(),
      })
      .strict(),
    output: IssuedTicketSchema,
  },
  'queue.cancel': { input: TicketRef, output: TicketSchema },
  'queue.callNext': {
    input: z
      .object({
        services: z.array(ServiceCodeSchema).min(1).max(26),
        /** "Call my customer": only tickets of the signed-in account manager's customers. */
        mine: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ ticket: TicketSchema.nullable() }),
  },
  /** This counter's ticket (called or being served) and the applications linked to it here. */
  'queue.current': {
    input: Empty,
    output: z.object({
      ticket: TicketSchema.nullable(),
      applications: z.array(LinkedApplicationSchema),
    }),
  },
  'queue.recall': { input: TicketRef, output: TicketSchema },
  'queue.serve': { input: TicketRef, output: TicketSchema },
  'queue.noShow': { input: TicketRef, output: TicketSchema },
  'queue.transfer': {
    input: z.object({ ticketId: z.uuid(), toService: ServiceCodeSchema }).strict(),
    output: TicketSchema,
  },
  /** Takes back this counter's last no-show or transfer (within seconds, while nobody acted). */
  'queue.undo': {
    input: z.object({ ticketId: z.uuid(), action: UndoActionSchema }).strict(),
    output: TicketSchema,
  },
  /** Puts one of today's no-shows back in line, keeping its place (docs/queue.md). */
  'queue.requeue': { input: TicketRef, output: TicketSchema },
  'queue.finish': {
    input: z
      .object({ ticketId: z.uuid(), servicesDone: z.array(z.string().max(64)).max(30) })
      .strict(),
    output: TicketSchema,
  },
  /** Makes a local draft from the kiosk's, linked to the ticket, for the clerk to verify. */
  'queue.verifyKioskDraft': { input: TicketRef, output: z.object({ applicationId: z.uuid() }) },
  'queue.tickets': {
    input: z
      .object({
        states: z.array(TicketStateSchema).max(7).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(TicketSchema),
  },
  'queue.board': {
    input: z.object({ limit: z.number().int().min(1).max(50).default(8) }).strict(),
    output: BoardSchema,
  },
  'queue.measures': { input: MeasuresQuerySchema, output: MeasuresSchema },
  'guide.saveChecklist': { input: ChecklistInputSchema, output: ChecklistSchema },
  'guide.checklists': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(ChecklistSchema),
  },
  'kiosk.content': { input: Empty, output: KioskContentSchema },
  'kiosk.saveContent': { input: KioskContentSchema, output: KioskContentSchema },
  /** Number plus phone, both must match; anything else is one generic NOT_FOUND. */
  'kiosk.lookup': { input: KioskLookupInputSchema, output: LookupResultSchema },
  /** A draft for a clerk to verify, held with a new ticket for the matching service. */
  'kiosk.startApplication': {
    input: z
      .object({ draft: KioskDraftSchema, priority: PrioritySchema.default('normal') })
      .strict(),
    output: IssuedTicketSchema,
  },
  'kiosk.rate': { input: RateInputSchema, output: z.object({ ticketNumber: z.string() }) },
} as const;
