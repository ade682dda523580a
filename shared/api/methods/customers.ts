import { z } from 'zod';
import { LocalizedTextSchema } from '../schemas';
import { CERTIFICATE_TYPES } from '../../validators/certificates';
import { PrioritySchema } from '../../queue/schemas';
import { Empty } from './core';

/** A tag's code: a built-in one (shared/customers/tags.ts) or a hall-defined `h_…`. */
export const TagCodeSchema = z.string().regex(/^(?:[a-z_]{2,20}|h_[a-z0-9_]{1,30})$/);
const Reason = z.string().trim().min(1).max(200);
const CustomerId = z.uuid();
const Staff = z.string().trim().min(1).max(32);

export const CustomerTagSchema = z.object({
  code: z.string(),
  label: LocalizedTextSchema,
  /** Who set it and why (the reason is the setter's words; staff only). */
  setBy: z.string(),
  setAt: z.iso.datetime({ offset: true }),
  reason: z.string(),
});

/** What the guide and the counter see as soon as a customer is identified. */
export const CustomerBriefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  certType: z.string(),
  /** Masked. */
  certNo: z.string(),
  tags: z.array(CustomerTagSchema),
  /** The priority the tags give a ticket (`normal` when none does). */
  priority: PrioritySchema,
  /** A 敏感客户: the clerk acknowledges a warning before starting. */
  warn: z.boolean(),
  manager: z.string().nullable(),
});
export type CustomerBrief = z.infer<typeof CustomerBriefSchema>;

export const TimelineEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  kind: z.enum([
    'application',
    'ticket',
    'complaint',
    'visit',
    'contact',
    'tag',
    'manager',
    'request',
    'rating',
    'demo',
  ]),
  /** The application or complaint number, the ticket id, the tag code…; never personal data. */
  ref: z.string(),
  /** A short code: the business type, state, 回访 result or change made. */
  detail: z.string(),
});

export const SatisfactionSchema = z.object({
  visits: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  dissatisfied: z.number().int(),
  complaints: z.number().int(),
});

export const CustomerRecordSchema = CustomerBriefSchema.extend({
  /** Masked, like every screen. */
  mobile: z.string(),
  address: z.string(),
  accounts: z.array(z.object({ accountNo: z.string(), since: z.iso.datetime({ offset: true }) })),
  contactHistory: z.array(
    z.object({
      at: z.iso.datetime({ offset: true }),
      actor: z.string(),
      applicationId: z.string().nullable(),
      action: z.string(),
      /** Field → masked from/to. */
      changes: z.record(z.string(), z.object({ from: z.string(), to: z.string() })),
    }),
  ),
  timeline: z.array(TimelineEntrySchema),
  /**
   * Where the ticket part of the timeline (取号 by number, 评价, 引导演示) came from: the hall's
   * queue (`hall`), nowhere because it did not answer (`unavailable`: the local entries only),
   * or nowhere because the station has no shared queue (`off`).
   */
  ticketPart: z.enum(['hall', 'unavailable', 'off']),
  satisfaction: SatisfactionSchema,
  mergedFrom: z.array(z.uuid()),
});
export type CustomerRecord = z.infer<typeof CustomerRecordSchema>;

export const TagDefSchema = z.object({
  code: z.string(),
  label: LocalizedTextSchema,
  builtin: z.boolean(),
});

export const MyCustomerSchema = z.object({
  customer: CustomerBriefSchema,
  openApplications: z.array(
    z.object({
      id: z.uuid(),
      appNo: z.string().nullable(),
      typeCode: z.string(),
      state: z.string(),
      deadlineAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
});

export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  ref: z.string(),
  at: z.iso.datetime({ offset: true }),
  read: z.boolean(),
});

const IdentifyInput = z
  .object({
    certType: z.enum(CERTIFICATE_TYPES).optional(),
    idNumber: z.string().trim().min(1).max(40).optional(),
    creditCode: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((v) => (v.idNumber === undefined) !== (v.creditCode === undefined), {
    message: '请填写证件号码或统一社会信用代码（二选一） / Give an ID number or a credit code',
    path: ['idNumber'],
  });

/** The customer record (客户视图), tags and account managers (issue 15; docs/customers.md). */
export const customerMethods = {
  'customers.search': {
    input: z.object({ q: z.string().trim().min(1).max(60) }).strict(),
    output: z.object({ rows: z.array(CustomerBriefSchema) }),
  },
  /** By certificate (the ID card reader, or a number typed at triage): null when unknown. */
  'customers.identify': {
    input: IdentifyInput,
    output: z.object({ customer: CustomerBriefSchema.nullable() }),
  },
  'customers.brief': {
    input: z.object({ customerId: CustomerId }).strict(),
    output: CustomerBriefSchema,
  },
  'customers.get': {
    input: z.object({ customerId: CustomerId }).strict(),
    output: CustomerRecordSchema,
  },
  'customers.tagDefs': { input: Empty, output: z.object({ tags: z.array(TagDefSchema) }) },
  'customers.defineTag': {
    input: z
      .object({
        code: z.string().regex(/^h_[a-z0-9_]{1,30}$/),
        labelZh: z.string().trim().min(1).max(20),
        labelEn: z.string().trim().min(1).max(40),
      })
      .strict(),
    output: z.object({ tags: z.array(TagDefSchema) }),
  },
  'customers.setTag': {
    input: z.object({ customerId: CustomerId, tag: TagCodeSchema, reason: Reason }).strict(),
    output: CustomerBriefSchema,
  },
  'customers.removeTag': {
    input: z.object({ customerId: CustomerId, tag: TagCodeSchema, reason: Reason }).strict(),
    output: CustomerBriefSchema,
  },
  /** A supervisor assigns (or with null, unassigns) a customer's account manager. */
  'customers.assignManager': {
    input: z.object({ customerId: CustomerId, manager: Staff.nullable() }).strict(),
    output: CustomerBriefSchema,
  },
  /** A supervisor merges a duplicate into the customer it duplicates; audited. */
  'customers.merge': {
    input: z.object({ fromId: CustomerId, intoId: CustomerId, reason: Reason }).strict(),
    output: CustomerBriefSchema,
  },
  /** The signed-in manager's customers with their open applications and deadlines. */
  'customers.mine': { input: Empty, output: z.object({ rows: z.array(MyCustomerSchema) }) },
  'customers.notifications': {
    input: Empty,
    output: z.object({ rows: z.array(NotificationSchema), unread: z.number().int() }),
  },
  'customers.markRead': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ ok: z.boolean() }),
  },
  /** 回访 results per account manager (supervisor dashboard). */
  'customers.satisfaction': {
    input: Empty,
    output: z.object({
      managers: z.array(SatisfactionSchema.extend({ manager: z.string(), customers: z.number() })),
    }),
  },
} as const;
