import { z } from 'zod';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATES,
  COMPLAINT_SUBJECTS,
  VISIT_RESULTS,
} from '../../service-rules/complaints';
import { PERSON_CERTIFICATE_TYPES } from '../../validators/certificates';
import { freeText, nameText } from '../clean-text';
import { IdInputSchema, IsoTimeSchema, UuidSchema } from '../schemas';

export const WarningLevelSchema = z.enum(['none', 'yellow', 'orange', 'red']);
/** A list filter: one level, or any of yellow / orange / red. */
export const WarningFilterSchema = z.enum(['none', 'yellow', 'orange', 'red', 'any']);
export const RepeatLevelSchema = z.enum(['none', 'orange', 'red']);

const Note = freeText().trim().max(1000);

export const ComplaintTakeInputSchema = z.object({
  kind: z.enum(COMPLAINT_KINDS),
  subject: z.enum(COMPLAINT_SUBJECTS),
  channel: z.enum(COMPLAINT_CHANNELS),
  customerName: nameText().trim().min(1).max(60),
  /** The certificate the number is from (居民身份证 when absent), as the counter takes them. */
  idType: z.enum(PERSON_CERTIFICATE_TYPES).optional(),
  /** Optional; checked by its certificate type when given. */
  idNumber: z.string().trim().max(18).optional(),
  mobile: z.string().trim().min(1).max(20),
  accountNo: z.string().trim().max(20).optional(),
  applicationId: UuidSchema.optional(),
  content: freeText().trim().min(2).max(2000),
});
export type ComplaintTakeInput = z.input<typeof ComplaintTakeInputSchema>;

export const ComplaintEventSchema = z.object({
  at: IsoTimeSchema,
  actor: z.string(),
  action: z.string(),
  note: z.string(),
});

export const ComplaintSummarySchema = z.object({
  id: UuidSchema,
  complaintNo: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  subject: z.enum(COMPLAINT_SUBJECTS),
  channel: z.enum(COMPLAINT_CHANNELS),
  state: z.enum(COMPLAINT_STATES),
  /** Names stay readable (the counter needs them); numbers are masked. */
  customerName: z.string(),
  phoneMasked: z.string(),
  idMasked: z.string(),
  takenAt: IsoTimeSchema,
  takenBy: z.string(),
  assignee: z.string().nullable(),
  /** The deadline of the step it waits for (contact, answer, visit); null once archived. */
  nextDueAt: IsoTimeSchema.nullable(),
  nextStep: z.enum(['contact', 'answer', 'visit', 'archive']).nullable(),
  repeatCount: z.number().int(),
  repeatLevel: RepeatLevelSchema,
});
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;

export const ComplaintDetailSchema = ComplaintSummarySchema.extend({
  accountNo: z.string(),
  applicationId: UuidSchema.nullable(),
  content: z.string(),
  ruleVersion: z.string(),
  contactDueAt: IsoTimeSchema,
  answerDueAt: IsoTimeSchema,
  visitDueAt: IsoTimeSchema.nullable(),
  dispatchedAt: IsoTimeSchema.nullable(),
  contactedAt: IsoTimeSchema.nullable(),
  answeredAt: IsoTimeSchema.nullable(),
  answer: z.string().nullable(),
  visitedAt: IsoTimeSchema.nullable(),
  visitResult: z.enum(VISIT_RESULTS).nullable(),
  archivedAt: IsoTimeSchema.nullable(),
  /** Was each step done in time? null while the step is still open. */
  contactInTime: z.boolean().nullable(),
  answerInTime: z.boolean().nullable(),
  visitInTime: z.boolean().nullable(),
  version: z.number().int(),
  events: z.array(ComplaintEventSchema),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetailSchema>;

export const ComplaintListQuerySchema = z.object({
  state: z.enum(COMPLAINT_STATES).optional(),
  /** 'open' = every state but archived. */
  open: z.boolean().optional(),
  warning: WarningFilterSchema.optional(),
  /** Only repeat contacts at or above this level. */
  repeat: z.enum(['orange', 'red']).optional(),
  sort: z.enum(['taken', 'due']).default('taken'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ComplaintListQuery = z.input<typeof ComplaintListQuerySchema>;

const StepBase = z.object({
  id: UuidSchema,
  version: z.number().int().min(1),
  note: Note.optional(),
});

export const RepeatInfoSchema = z.object({
  /** This contact is the Nth on the same matter within the window (1 = first). */
  count: z.number().int(),
  level: RepeatLevelSchema,
  windowDays: z.number().int(),
  /** Other contacts on the same matter by the same customer, newest first (masked). */
  others: z.array(
    z.object({
      kind: z.enum(['application', 'complaint']),
      id: UuidSchema,
      no: z.string(),
      at: IsoTimeSchema,
    }),
  ),
});
export type RepeatInfo = z.infer<typeof RepeatInfoSchema>;

export const RepeatRowSchema = z.object({
  /** 'id' or 'phone': which identifier the contacts share. */
  by: z.enum(['id', 'phone']),
  customerMasked: z.string(),
  customerName: z.string(),
  kind: z.enum(['application', 'complaint']),
  /** Business family (new / increase / change) or complaint subject. */
  matter: z.string(),
  count: z.number().int(),
  level: RepeatLevelSchema,
  lastAt: IsoTimeSchema,
  /** The newest contact, to open it. */
  lastId: UuidSchema,
  lastNo: z.string(),
});
export type RepeatRow = z.infer<typeof RepeatRowSchema>;

/** Complaints, opinions and requests as a closed loop; repeat contacts (issue 5). */
export const complaintMethods = {
  'complaints.take': { input: ComplaintTakeInputSchema, output: ComplaintDetailSchema },
  'complaints.list': {
    input: ComplaintListQuerySchema,
    output: z.object({ rows: z.array(ComplaintSummarySchema), total: z.number().int() }),
  },
  'complaints.get': { input: IdInputSchema, output: ComplaintDetailSchema },
  'complaints.dispatch': {
    input: StepBase.extend({ assignee: nameText().trim().min(1).max(60) }),
    output: ComplaintDetailSchema,
  },
  'complaints.contact': { input: StepBase, output: ComplaintDetailSchema },
  'complaints.answer': {
    input: StepBase.extend({ answer: freeText().trim().min(2).max(2000) }),
    output: ComplaintDetailSchema,
  },
  'complaints.visit': {
    input: StepBase.extend({ result: z.enum(VISIT_RESULTS) }),
    output: ComplaintDetailSchema,
  },
  'complaints.archive': { input: StepBase, output: ComplaintDetailSchema },
  /** Repeat contacts of the customer of one application (for its detail page). */
  'repeats.forApplication': { input: IdInputSchema, output: RepeatInfoSchema },
  /** Customers who came back on the same matter: the supervisor's list. */
  'repeats.list': {
    input: z.object({ level: z.enum(['orange', 'red']).default('orange') }),
    output: z.array(RepeatRowSchema),
  },
} as const;
