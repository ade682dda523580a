import { z } from 'zod';
import { addTextIssue, isNameKey, nameText, textProblem } from './clean-text';

/** JSON-safe values only: both transports (IPC and HTTP) carry the same thing. */
export const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });

export const LOCAL_STATES = [
  'draft',
  'ready',
  'queued',
  'sent',
  'acknowledged',
  'rejected',
  'conflict',
] as const;
export const LocalStateSchema = z.enum(LOCAL_STATES);
export type LocalState = z.infer<typeof LocalStateSchema>;

export const PAPER_STATUSES = ['received', 'missing_accepted', 'missing_blocking'] as const;
export const PaperStatusSchema = z.enum(PAPER_STATUSES);
export type PaperStatus = z.infer<typeof PaperStatusSchema>;

export const AddressSchema = z.object({
  province: nameText().max(20),
  city: nameText().max(20),
  district: nameText().max(20),
  street: nameText().max(40).default(''),
  detail: nameText().max(100),
  /** GB/T 2260 code of the district (or town) chosen in the region list; absent on old data. */
  regionCode: z
    .string()
    .regex(/^\d{6}(?:\d{3})?$/)
    .optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/**
 * A field value as typed at the counter: checked against the catalogue by the service. Text is
 * stored NFC; what it may contain is checked per key in FieldValuesSchema (names are stricter).
 */
export const FieldValueSchema = z.union([
  z.string().normalize('NFC').max(500),
  z.number(),
  z.boolean(),
  z.null(),
  AddressSchema,
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;
export const FieldValuesSchema = z
  .record(z.string().max(64), FieldValueSchema)
  .superRefine((fields, ctx) => {
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value !== 'string') continue; // addresses check their own parts
      const problem = textProblem(value, isNameKey(key) ? 'name' : 'text');
      if (problem) addTextIssue(ctx, problem, [key]);
    }
  });
export type FieldValues = z.infer<typeof FieldValuesSchema>;

export const PaperEntrySchema = z.object({ code: z.string().max(64), status: PaperStatusSchema });
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

export const UuidSchema = z.uuid();
export const IsoTimeSchema = z.iso.datetime({ offset: true });

export const ApplicationInputSchema = z.object({
  /** Client UUIDv7; absent for a new draft. */
  id: UuidSchema.optional(),
  typeCode: z.string().min(1).max(64),
  accountKind: z.enum(['lv_resident', 'lv_business', 'hv']),
  fields: FieldValuesSchema,
  papers: z.array(PaperEntrySchema).max(50),
  /** Optimistic lock: the version the clerk started from when editing a draft. */
  baseVersion: z.number().int().min(0).optional(),
  ticketId: z.string().max(64).optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

export const HistoryEntrySchema = z.object({
  at: IsoTimeSchema,
  actor: z.string(),
  action: z.string(),
  /** Field keys that changed, values masked. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ApplicationSummarySchema = z.object({
  id: UuidSchema,
  appNo: z.string(),
  typeCode: z.string(),
  accountKind: z.string(),
  state: LocalStateSchema,
  /** Masked for display. */
  applicantName: z.string(),
  phoneMasked: z.string(),
  idMasked: z.string(),
  accountNo: z.string(),
  createdAt: IsoTimeSchema,
  acceptedAt: IsoTimeSchema.nullable(),
  deadlineAt: IsoTimeSchema.nullable(),
  centralNo: z.string().nullable(),
  centralStage: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  /** Personal fields masked unless the caller asked for an editable draft. */
  fields: FieldValuesSchema,
  papers: z.array(PaperEntrySchema),
  version: z.number().int(),
  catalogueVersion: z.string(),
  clerk: z.string(),
  ticketId: z.string().nullable(),
  history: z.array(HistoryEntrySchema),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const ListQuerySchema = z.object({
  typeCode: z.string().max(64).optional(),
  state: LocalStateSchema.optional(),
  /** Inclusive ISO dates (YYYY-MM-DD) on the creation day, hall time. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Name, phone, ID number, 户号 or application number (prefix match). */
  q: z.string().trim().max(64).optional(),
  /**
   * 红橙黄: open applications at this warning level now; any = yellow, orange or red;
   * closed = the finished ones (archived by the central system), which carry no warning.
   */
  warning: z.enum(['none', 'yellow', 'orange', 'red', 'any', 'closed']).optional(),
  /** created: newest first (default); deadline: soonest due first (open submitted ones only). */
  sort: z.enum(['created', 'deadline']).default('created'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListQuery = z.input<typeof ListQuerySchema>;

export const ListResultSchema = z.object({
  rows: z.array(ApplicationSummarySchema),
  /** Exact total when cheap, otherwise a lower bound with `more` set. */
  total: z.number().int(),
  more: z.boolean(),
});
export type ListResult = z.infer<typeof ListResultSchema>;

export const ReceiptSchema = z.object({
  appNo: z.string(),
  typeCode: z.string(),
  typeName: LocalizedTextSchema,
  accountKind: z.string(),
  applicantName: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  addressMasked: z.string(),
  acceptedAt: IsoTimeSchema,
  deadlineAt: IsoTimeSchema,
  deadlineWorkingDays: z.number().int(),
  /** The whole-process limit the customer is promised, where there is one (低压非居民 新装). */
  wholeProcess: z
    .object({ workingDays: z.number().int(), deadlineAt: IsoTimeSchema })
    .nullable()
    .default(null),
  papersReceived: z.array(LocalizedTextSchema),
  papersMissing: z.array(z.object({ name: LocalizedTextSchema, deferred: z.boolean() })),
  hallName: z.string(),
  /** The desk that accepted it (the station code, also part of the application number). */
  stationCode: z.string(),
  clerk: z.string(),
  /**
   * The fields of this type and account kind in form order (new holder of a 过户, 户号,
   * capacities…), personal values masked, free text left out.
   */
  fields: z.array(
    z.object({ key: z.string(), label: LocalizedTextSchema, value: LocalizedTextSchema }),
  ),
  /** What the QR code holds: the hall's query address with this application number. */
  queryUrl: z.string(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const IdInputSchema = z.object({ id: UuidSchema });
