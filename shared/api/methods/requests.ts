import { z } from 'zod';
import { AREA_KINDS, REQUEST_KINDS } from '../../catalogue/request-kinds';
import { freeText } from '../clean-text';
import { IdInputSchema, IsoTimeSchema, LocalizedTextSchema, UuidSchema } from '../schemas';

const Empty = z.object({}).strict();
const Code = z.string().trim().min(1).max(32);
const Phone = z.string().trim().min(1).max(24);
const AccountNo = z.string().trim().max(20).optional();

export const FaultReportInputSchema = z.object({
  accountNo: AccountNo,
  /** The place as the customer says it, when there is no 户号 (sealed; masked in lists). */
  addressText: freeText().trim().max(200).optional(),
  phone: Phone,
  faultKind: Code,
  areaKind: z.enum(AREA_KINDS),
  description: freeText().trim().max(1000).optional(),
});
export type FaultReportInput = z.input<typeof FaultReportInputSchema>;

export const SubscribeInputSchema = z.object({
  mobile: Phone,
  accountNo: AccountNo,
  channels: z.array(Code).max(10),
  topics: z.array(Code).max(20),
  /** The clerk read the consent statement and the customer agreed. */
  consentGiven: z.boolean(),
  consentMethod: Code,
});
export type SubscribeInput = z.input<typeof SubscribeInputSchema>;

export const EnquiryInputSchema = z.object({
  topic: Code,
  question: freeText().trim().max(1000).optional(),
  answer: freeText().trim().max(2000),
});
export type EnquiryInput = z.input<typeof EnquiryInputSchema>;

export const RequestSyncStateSchema = z.enum([
  'queued',
  'sent',
  'acknowledged',
  'rejected',
  'conflict',
]);

export const RequestSummarySchema = z.object({
  id: UuidSchema,
  requestNo: z.string(),
  kind: z.enum(REQUEST_KINDS),
  /** Fault kind, enquiry topic, or the subscription's topics joined with ",". */
  topic: z.string(),
  takenAt: IsoTimeSchema,
  takenBy: z.string(),
  phoneMasked: z.string(),
  accountNoMasked: z.string(),
  arrivalMinutes: z.number().int().nullable(),
  arriveBy: IsoTimeSchema.nullable(),
  consent: z.object({ at: IsoTimeSchema, method: z.string(), version: z.string() }).nullable(),
  withdrawnAt: IsoTimeSchema.nullable(),
  syncState: RequestSyncStateSchema,
});
export type RequestSummary = z.infer<typeof RequestSummarySchema>;

const OptionSchema = z.object({ value: z.string(), label: LocalizedTextSchema });
export const RequestCatalogueSchema = z.object({
  version: z.string(),
  names: z.record(z.enum(REQUEST_KINDS), LocalizedTextSchema),
  faultKinds: z.array(OptionSchema),
  areaKinds: z.array(OptionSchema.extend({ minutes: z.number().int() })),
  arrivalSource: LocalizedTextSchema,
  channels: z.array(OptionSchema),
  topics: z.array(OptionSchema),
  consentText: LocalizedTextSchema,
  consentMethods: z.array(OptionSchema),
  enquiryTopics: z.array(OptionSchema),
});
export type RequestCatalogueView = z.infer<typeof RequestCatalogueSchema>;

export const requestMethods = {
  'requests.catalogue': { input: Empty, output: RequestCatalogueSchema },
  /** Taken and queued for central at once, with its arrival commitment. */
  'requests.reportFault': { input: FaultReportInputSchema, output: RequestSummarySchema },
  'requests.subscribe': { input: SubscribeInputSchema, output: RequestSummarySchema },
  'requests.withdrawConsent': { input: IdInputSchema, output: RequestSummarySchema },
  'requests.enquiry': { input: EnquiryInputSchema, output: RequestSummarySchema },
  'requests.list': {
    input: z.object({
      kind: z.enum(REQUEST_KINDS).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(RequestSummarySchema) }),
  },
} as const;
