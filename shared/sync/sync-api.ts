import { z } from 'zod';
import { FieldValuesSchema } from '../api/schemas';
import { WAITING_FAMILIES, type WaitingFamily } from './waiting-families';

export { WAITING_FAMILIES, waitingFamilyOf, type WaitingFamily } from './waiting-families';

/**
 * What the sync page and the always-visible indicator read, and what supervisors and clerks do
 * about dead letters and conflicts. Schemas for the API contract (the lead wires them in).
 */
const LocalizedText = z.object({ zh: z.string(), en: z.string() });
const IsoTime = z.iso.datetime({ offset: true });

export const SyncCountsSchema = z.object({
  /** created = acknowledged + dead + conflict + pending + discarded, always. */
  created: z.number().int(),
  acknowledged: z.number().int(),
  dead: z.number().int(),
  conflict: z.number().int(),
  pending: z.number().int(),
  discarded: z.number().int(),
  /** Part of `pending`: waiting behind a dead or conflicting operation of the same application. */
  blocked: z.number().int(),
  /**
   * What the pending operations are about, in the hall's terms: distinct applications, customer
   * records, requests and alerts. One submit queues two operations (the application's and its
   * customer record's) and shows as one application and one customer record, not as "2".
   */
  waiting: z.object(
    Object.fromEntries(WAITING_FAMILIES.map((f) => [f, z.number().int()])) as Record<
      WaitingFamily,
      z.ZodNumber
    >,
  ),
});

export const SyncAlertSchema = z.object({
  code: z.enum(['forbidden', 'registration_refused', 'stalled']),
  at: IsoTime,
  message: LocalizedText,
});

export const SyncStatusSchema = z.object({
  /** A central system is configured; false = the console works offline and only queues. */
  configured: z.boolean(),
  online: z.boolean(),
  halted: z.enum(['forbidden', 'registration_refused', 'stalled']).nullable(),
  registered: z.boolean(),
  counts: SyncCountsSchema,
  lastSuccessAt: IsoTime.nullable(),
  lastAttemptAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  nextAttemptAt: IsoTime.nullable(),
  pullCursor: z.number().int(),
  alerts: z.array(SyncAlertSchema),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

export const DeadLetterSchema = z.object({
  seq: z.number().int(),
  opId: z.string(),
  applicationId: z.uuid(),
  appNo: z.string().nullable(),
  typeCode: z.string(),
  kind: z.string(),
  /** INVALID_PAYLOAD, HASH_MISMATCH, ... or an HTTP status; never personal data. */
  reasonCode: z.string().nullable(),
  reason: LocalizedText,
  field: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: IsoTime,
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

/** One differing item between the console's version and the central record, masked. */
export const DifferenceSchema = z.object({
  /** "fields.mobile", "papers", "typeCode", ... */
  key: z.string(),
  local: z.string(),
  central: z.string(),
});

export const ConflictSchema = z.object({
  seq: z.number().int(),
  opId: z.string(),
  applicationId: z.uuid(),
  appNo: z.string().nullable(),
  typeCode: z.string(),
  kind: z.string(),
  reasonCode: z.string().nullable(),
  reason: LocalizedText,
  centralNo: z.string().nullable(),
  centralStage: z.string().nullable(),
  centralVersion: z.number().int().nullable(),
  differences: z.array(DifferenceSchema),
  createdAt: IsoTime,
});
export type ConflictView = z.infer<typeof ConflictSchema>;

export const ResendDeadLetterInputSchema = z.object({
  seq: z.number().int().min(1),
  /** Corrected field values (only the changed keys); absent = resend as it is. */
  fields: FieldValuesSchema.optional(),
});
export const DiscardDeadLetterInputSchema = z.object({
  seq: z.number().int().min(1),
  /** Why, for the audit trail; typed by the supervisor. */
  reason: z.string().trim().min(2).max(200),
});
export const ResolveConflictInputSchema = z.object({
  seq: z.number().int().min(1),
  /** keep_central: adopt the central record; send_local: send ours as a correction of it. */
  choice: z.enum(['keep_central', 'send_local']),
});
export type ResendDeadLetterInput = z.infer<typeof ResendDeadLetterInputSchema>;
export type DiscardDeadLetterInput = z.infer<typeof DiscardDeadLetterInputSchema>;
export type ResolveConflictInput = z.infer<typeof ResolveConflictInputSchema>;
