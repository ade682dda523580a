import { z } from 'zod';
import { CERTIFICATE_TYPES } from '../validators/certificates';

/**
 * What the customer record (issue 15) carries to the central system through the outbox, and
 * what stations pull back. The operation's `applicationId` is the station's customer id, so a
 * customer's changes go in order. Central knows a customer by its hall and certificate (its own
 * blind index of the normalised number), never by a station's id: the certificate travels with
 * every operation, over the same channel as an application's fields, and is sealed at rest there.
 */
const IsoTime = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);
const Staff = z.string().min(1).max(64);
/** A built-in tag code, or a hall-defined `h_…` one. */
const TagCode = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
const Changes = z.record(z.string().max(40), z.object({ from: Text(300), to: Text(300) }));

export const CustomerCertSchema = z.object({
  certType: z.enum(CERTIFICATE_TYPES),
  /** Normalised as the station keeps it (normalizeCode); central normalises again. */
  certNo: z.string().min(1).max(64),
  kind: z.enum(['person', 'organisation']),
});

const CustomerOpBase = CustomerCertSchema.extend({
  /** The station's customer id (another station may hold the same customer under another). */
  id: z.uuid(),
  hallCode: z.string(),
  stationCode: z.string(),
  at: IsoTime,
  actor: Staff,
});

/** Created, or its name or contact details changed: the values after, and what changed. */
export const CustomerContactPayloadSchema = CustomerOpBase.extend({
  action: z.enum(['created', 'contact']),
  name: Text(100),
  mobile: Text(20),
  address: Text(300),
  applicationId: z.uuid().nullable(),
  changes: Changes,
});
export type CustomerContactPayload = z.infer<typeof CustomerContactPayloadSchema>;

/** A tag set (with its reason) or removed (the reason for removing it). */
export const CustomerTagPayloadSchema = CustomerOpBase.extend({
  tag: TagCode,
  set: z.boolean(),
  reason: Text(200),
  /** A hall-defined tag's labels, so a station that never saw the definition can show it. */
  label: z.object({ zh: Text(40), en: Text(60) }).nullable(),
});
export type CustomerTagPayload = z.infer<typeof CustomerTagPayloadSchema>;

export const CustomerManagerPayloadSchema = CustomerOpBase.extend({
  manager: Staff.nullable(),
});
export type CustomerManagerPayload = z.infer<typeof CustomerManagerPayloadSchema>;

/** A supervisor merged this customer (the duplicate) into another one. */
export const CustomerMergePayloadSchema = CustomerOpBase.extend({
  into: CustomerCertSchema.extend({ id: z.uuid(), name: Text(100) }),
  reason: Text(200),
});
export type CustomerMergePayload = z.infer<typeof CustomerMergePayloadSchema>;

export const CUSTOMER_PAYLOAD_SCHEMAS = {
  'customer.contact': CustomerContactPayloadSchema,
  'customer.tag': CustomerTagPayloadSchema,
  'customer.manager': CustomerManagerPayloadSchema,
  'customer.merge': CustomerMergePayloadSchema,
} as const;
export type CustomerOpKind = keyof typeof CUSTOMER_PAYLOAD_SCHEMAS;
export const CUSTOMER_OP_KINDS = Object.keys(CUSTOMER_PAYLOAD_SCHEMAS) as CustomerOpKind[];
export const isCustomerOpKind = (kind: string): kind is CustomerOpKind =>
  Object.prototype.hasOwnProperty.call(CUSTOMER_PAYLOAD_SCHEMAS, kind);

// ---------------------------------------------------------------- pulled by stations

export const CentralCustomerTagSchema = z.object({
  tag: TagCode,
  reason: Text(200),
  setBy: Staff,
  setAt: IsoTime,
  label: z.object({ zh: Text(40), en: Text(60) }).nullable(),
});

/** One change of a customer's history as another station of the hall made it. */
export const CentralCustomerEventSchema = z.object({
  seq: z.number().int().min(1),
  at: IsoTime,
  actor: Staff,
  stationCode: z.string(),
  action: z.string().max(20),
  changes: Changes,
});

/** A customer as central holds it for the hall, after its latest change (`seq`). */
export const CentralCustomerSchema = CustomerCertSchema.extend({
  seq: z.number().int().min(1),
  /** Central's id: the id of the station that sent it first; one for the whole hall. */
  customerId: z.uuid(),
  name: Text(100),
  mobile: Text(20),
  address: Text(300),
  manager: Staff.nullable(),
  /** Central's id of the customer this one was merged into. */
  mergedInto: z.uuid().nullable(),
  tags: z.array(CentralCustomerTagSchema),
  /** Changes made by the hall's other stations since the cursor the station sent. */
  history: z.array(CentralCustomerEventSchema),
});
export type CentralCustomer = z.infer<typeof CentralCustomerSchema>;

export const MAX_CUSTOMERS_PER_PAGE = 500;

export const CustomersQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CUSTOMERS_PER_PAGE).default(200),
});

/** GET /v1/customers: the hall's customers changed after `since`, in central order. */
export const CustomersPageSchema = z.object({
  customers: z.array(CentralCustomerSchema),
  nextCursor: z.number().int().min(0),
  more: z.boolean(),
});
export type CustomersPage = z.infer<typeof CustomersPageSchema>;
