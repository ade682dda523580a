import { z } from 'zod';
import { AddressSchema, FieldValuesSchema, PaperEntrySchema } from '../api/schemas';

/**
 * What an outbox row of kind `application.submit` carries to the central system: the whole
 * application as accepted at the counter. The acceptance time is the counter's clock, the legal
 * start of the deadline, never the time of sync.
 */
export const ApplicationSubmitPayloadSchema = z.object({
  applicationId: z.uuid(),
  appNo: z.string().min(1).max(64),
  typeCode: z.string().min(1).max(64),
  accountKind: z.enum(['lv_resident', 'lv_business', 'hv']),
  fields: FieldValuesSchema,
  papers: z.array(PaperEntrySchema),
  acceptedAt: z.iso.datetime({ offset: true }),
  deadlineAt: z.iso.datetime({ offset: true }),
  catalogueVersion: z.string(),
  clerk: z.string(),
  hallCode: z.string(),
  stationCode: z.string(),
});
export type ApplicationSubmitPayload = z.infer<typeof ApplicationSubmitPayloadSchema>;

export const OUTBOX_KINDS = ['application.submit'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

// Re-exported so the central side can validate addresses without reaching into the API layer.
export { AddressSchema };
