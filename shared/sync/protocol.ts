import { z } from 'zod';
import { ApplicationSubmitPayloadSchema, OUTBOX_KINDS } from './application-payload';
import { HALL_RECORD_KINDS, HALL_RECORD_PAYLOAD_SCHEMAS } from './hall-record-payloads';
import { CUSTOMER_OP_KINDS, CUSTOMER_PAYLOAD_SCHEMAS } from './customer-payloads';

/**
 * The sync protocol between a hall console (a "device") and the central system, version 1.
 * docs/sync-openapi.yaml, for teams implementing the server elsewhere, is generated from these
 * schemas (`npx tsx scripts/gen-openapi.ts`; a test fails when it is out of date).
 *
 *   POST /v1/devices/register   hall + station + installation id + secret → device id + tokens
 *   POST /v1/devices/token      device id + refresh token → a new bearer token
 *   POST /v1/ops                a batch of operations → one result per operation, in order
 *   PUT  /v1/ops/{opId}         one operation → its result, with the HTTP status of its outcome
 *   GET  /v1/changes            central stages and numbers since a cursor, paged
 *   GET  /v1/customers          the hall's customers changed since a cursor, paged
 */
export const SYNC_API_PREFIX = '/v1';
export const MAX_OPS_PER_BATCH = 500;
export const MAX_CHANGES_PER_PAGE = 1000;
export const DEFAULT_CHANGES_PER_PAGE = 200;

export const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case sha256 hex');
/** Hall and station codes: short, printable, safe inside numbers and URLs. */
export const SiteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const IsoTime = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- registration and tokens

/** A one-time enrolment code as an admin hands it out: 4 groups of 4 letters and digits. */
export const EnrolmentCodeSchema = z.string().regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

export const RegisterRequestSchema = z
  .object({
    /** Self-declared hall and station: only with the development secret (demo mode). */
    hallCode: SiteCodeSchema.optional(),
    stationCode: SiteCodeSchema.optional(),
    /**
     * A UUID the console generates once and keeps. Enrolling again with the same hall, station
     * and installation id keeps the same device id (never a second device, which would defeat the
     * per-device dedupe), but only with a fresh enrolment code: without one it is refused.
     */
    installationId: z.uuid(),
    /** The one-time code an admin issued for this station: the hall and station come from it. */
    enrolmentCode: EnrolmentCodeSchema.optional(),
    /** Shared development secret: accepted only by a central system in demo mode. */
    registrationSecret: z.string().min(8).max(256).optional(),
    deviceName: z.string().max(64).optional(),
  })
  .refine((r) => r.enrolmentCode !== undefined || r.registrationSecret !== undefined, {
    path: ['enrolmentCode'],
    message: 'an enrolment code is required',
  })
  .refine(
    (r) =>
      r.enrolmentCode !== undefined || (r.hallCode !== undefined && r.stationCode !== undefined),
    { path: ['hallCode'], message: 'hall and station are required with the development secret' },
  );
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

export const DeviceCredentialsSchema = z.object({
  deviceId: z.uuid(),
  /** Bearer token for /v1/ops and /v1/changes. */
  token: z.string().min(20).max(512),
  tokenExpiresAt: IsoTime,
  /** Long-lived; exchanged for a new bearer token at /v1/devices/token. Not rotated. */
  refreshToken: z.string().min(20).max(512),
  /** The hall and station central holds this device to (from its enrolment code). */
  hallCode: SiteCodeSchema.optional(),
  stationCode: SiteCodeSchema.optional(),
});
export type DeviceCredentials = z.infer<typeof DeviceCredentialsSchema>;

export const RefreshRequestSchema = z.object({
  deviceId: z.uuid(),
  refreshToken: z.string().min(20).max(512),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const RefreshResponseSchema = z.object({
  token: z.string().min(20).max(512),
  tokenExpiresAt: IsoTime,
});
export type RefreshResponse = z.infer<typeof RefreshResponseSchema>;

// ---------------------------------------------------------------- operations (push)

/**
 * `application.submit` records an application accepted at the counter. `application.replace`
 * corrects one already sent: it names the payload hash it was edited from (`baseHash`), and the
 * central side answers `conflict` if its record has moved on, never last-writer-wins.
 */
export const SYNC_OP_KINDS = [
  ...OUTBOX_KINDS,
  'application.replace',
  // The hall's requests and alerts (shared/sync/hall-record-payloads.ts).
  ...(HALL_RECORD_KINDS as readonly (keyof typeof HALL_RECORD_PAYLOAD_SCHEMAS)[]),
  // The customer record, its tags and manager (shared/sync/customer-payloads.ts).
  ...(CUSTOMER_OP_KINDS as readonly (keyof typeof CUSTOMER_PAYLOAD_SCHEMAS)[]),
] as const;
export type SyncOpKind = (typeof SYNC_OP_KINDS)[number];

export const ApplicationReplacePayloadSchema = ApplicationSubmitPayloadSchema.extend({
  baseHash: Sha256HexSchema,
});
export type ApplicationReplacePayload = z.infer<typeof ApplicationReplacePayloadSchema>;

export const PAYLOAD_SCHEMAS = {
  'application.submit': ApplicationSubmitPayloadSchema,
  'application.replace': ApplicationReplacePayloadSchema,
  ...HALL_RECORD_PAYLOAD_SCHEMAS,
  ...CUSTOMER_PAYLOAD_SCHEMAS,
} as const satisfies Record<SyncOpKind, z.ZodType>;

export const OpSchema = z.object({
  /** UUIDv7 made by the console; the idempotency key, unique per device. */
  opId: z.uuid(),
  deviceId: z.uuid(),
  kind: z.enum(SYNC_OP_KINDS),
  applicationId: z.uuid(),
  /** Checked against the kind's payload schema by the server, after the hash. */
  payload: z.record(z.string(), z.unknown()),
  /** sha256 hex of the canonical JSON of `payload` (see shared/sync/canonical-json.ts). */
  payloadHash: Sha256HexSchema,
});
export type Op = z.infer<typeof OpSchema>;

export const PushRequestSchema = z.object({
  ops: z.array(OpSchema).min(1).max(MAX_OPS_PER_BATCH),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * What the server checks before looking at single operations: a batch it cannot split into
 * operations is a 400; a malformed operation inside a good batch is only that operation's
 * `rejected` result, so one bad row never blocks the others.
 */
/** The station audit trail's last row as the station sees it: rows cut off its end show. */
export const AuditTailSchema = z.object({
  lastId: z.number().int().min(0),
  hash: z.union([Sha256HexSchema, z.literal('')]),
});
export type AuditTail = z.infer<typeof AuditTailSchema>;

export const PushEnvelopeSchema = z.object({
  ops: z.array(z.unknown()).min(1).max(MAX_OPS_PER_BATCH),
  auditTail: AuditTailSchema.optional(),
});

export const OP_STATUSES = ['applied', 'duplicate', 'rejected', 'conflict'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];

/** Why an operation was rejected (final: resending it unchanged gets the same answer). */
export const REJECT_CODES = [
  'INVALID_OP',
  'INVALID_PAYLOAD',
  'HASH_MISMATCH',
  'OP_ID_REUSED',
  'DEVICE_MISMATCH',
  'HALL_MISMATCH',
  'UNKNOWN_APPLICATION',
] as const;
/** Why an operation conflicts with the central record (a person has to decide). */
export const CONFLICT_CODES = ['APPLICATION_EXISTS', 'BASE_MISMATCH'] as const;
export const REASON_CODES = [...REJECT_CODES, ...CONFLICT_CODES] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The central record as a conflict shows it, for the clerk's side-by-side view. */
export const CentralRecordSchema = z.object({
  applicationId: z.uuid(),
  centralNo: z.string(),
  version: z.number().int().min(1),
  payloadHash: Sha256HexSchema,
  stage: z.string(),
  /** Present only for the hall that owns the application. */
  payload: z.record(z.string(), z.unknown()).optional(),
});
export type CentralRecord = z.infer<typeof CentralRecordSchema>;

export const OpResultSchema = z.object({
  /** Echoed as sent; a string because a malformed operation may not carry a valid UUID. */
  opId: z.string(),
  status: z.enum(OP_STATUSES),
  /** Set when applied or duplicate: the central application number. */
  centralNo: z.string().optional(),
  /** Central record version after this operation (1 after submit). */
  centralVersion: z.number().int().min(1).optional(),
  stage: z.string().optional(),
  /** Set when rejected or conflict. Never contains personal data: codes and field paths only. */
  reasonCode: z.enum(REASON_CODES).optional(),
  reason: LocalizedTextSchema.optional(),
  /** Dotted path of the offending payload field, if one. */
  field: z.string().optional(),
  central: CentralRecordSchema.optional(),
});
export type OpResult = z.infer<typeof OpResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(OpResultSchema),
  /** Whether central kept the audit tail sent with the push (`refused`: it went back or changed). */
  auditTail: z.enum(['accepted', 'refused']).optional(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** HTTP status of one operation's outcome, as PUT /v1/ops/{opId} answers it. */
export const httpStatusOfResult = (status: OpStatus): number =>
  status === 'rejected' ? 422 : status === 'conflict' ? 409 : status === 'applied' ? 201 : 200;

// ---------------------------------------------------------------- changes (pull)

export const ChangesQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PER_PAGE).default(DEFAULT_CHANGES_PER_PAGE),
});
export type ChangesQuery = z.infer<typeof ChangesQuerySchema>;

export const ChangeSchema = z.object({
  /** Server sequence number: strictly increasing, never reused. */
  seq: z.number().int().min(1),
  applicationId: z.uuid(),
  centralNo: z.string(),
  stage: z.string(),
  stageAt: IsoTime,
  /** 0-based position of `stage` in this application's stage list, and the list's length. */
  stageIndex: z.number().int().min(0),
  stageCount: z.number().int().min(1),
  version: z.number().int().min(1),
  payloadHash: Sha256HexSchema,
  final: z.boolean(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ChangesPageSchema = z.object({
  changes: z.array(ChangeSchema),
  /** Pass as `since` next time; equals the last change's seq, or the request's `since`. */
  nextCursor: z.number().int().min(0),
  more: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

// ---------------------------------------------------------------- errors

export const SYNC_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OP_ID_REUSED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Every non-2xx answer of the /v1 endpoints carries this body (when it carries one at all). */
export const SyncErrorBodySchema = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
  /** Mirrors the Retry-After header on 429 / 503. */
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type SyncErrorBody = z.infer<typeof SyncErrorBodySchema>;

// ---------------------------------------------------------------- admin (reference server only)

export const AdvanceRequestSchema = z
  .object({
    applicationId: z.uuid().optional(),
    centralNo: z.string().max(64).optional(),
    /** Target stage; absent → the next stage in the application's list. */
    stage: z.string().max(64).optional(),
  })
  .refine((v) => v.applicationId !== undefined || v.centralNo !== undefined, {
    message: 'applicationId or centralNo is required',
    path: ['applicationId'],
  });
export type AdvanceRequest = z.infer<typeof AdvanceRequestSchema>;

export const AdvanceResponseSchema = z.object({
  applicationId: z.uuid(),
  centralNo: z.string(),
  stage: z.string(),
  seq: z.number().int(),
  final: z.boolean(),
});
export type AdvanceResponse = z.infer<typeof AdvanceResponseSchema>;
