import { z } from 'zod';
import { ALERT_LEVELS } from '../alerts/levels';
import { AREA_KINDS } from '../catalogue/request-kinds';

/**
 * What the hall's requests (故障报修, 信息订阅 and its withdrawal, 咨询) and hall alerts carry to
 * the central system through the same outbox as applications. The operation's `applicationId`
 * is the record's own id: operations of one record go in order (an alert's end after its raise,
 * a consent's withdrawal after the subscription).
 */
const IsoTime = z.iso.datetime({ offset: true });
const Code = z.string().min(1).max(32);
const Text = (max: number) => z.string().max(max);

const RecordBase = z.object({
  id: z.uuid(),
  requestNo: z.string().min(1).max(64),
  hallCode: z.string(),
  stationCode: z.string(),
  takenAt: IsoTime,
  takenBy: z.string(),
  catalogueVersion: z.string(),
});

export const FaultReportPayloadSchema = RecordBase.extend({
  accountNo: z.string().max(20).nullable(),
  addressText: Text(200),
  phone: z.string().max(20),
  faultKind: Code,
  areaKind: z.enum(AREA_KINDS),
  description: Text(1000),
  /** The commitment in force when it was taken, counted from takenAt. */
  arrivalMinutes: z.number().int().min(1),
  arriveBy: IsoTime,
});
export type FaultReportPayload = z.infer<typeof FaultReportPayloadSchema>;

export const SubscriptionPayloadSchema = RecordBase.extend({
  mobile: z.string().max(20),
  accountNo: z.string().max(20).nullable(),
  channels: z.array(Code).min(1).max(10),
  topics: z.array(Code).min(1).max(20),
  consent: z.object({
    method: Code,
    textVersion: z.string(),
    at: IsoTime,
  }),
});
export type SubscriptionPayload = z.infer<typeof SubscriptionPayloadSchema>;

export const ConsentWithdrawPayloadSchema = z.object({
  id: z.uuid(),
  hallCode: z.string(),
  withdrawnAt: IsoTime,
  withdrawnBy: z.string(),
});
export type ConsentWithdrawPayload = z.infer<typeof ConsentWithdrawPayloadSchema>;

export const EnquiryPayloadSchema = RecordBase.extend({
  topic: Code,
  /** Statistics only: no customer details travel with an enquiry. */
  answered: z.boolean(),
});
export type EnquiryPayload = z.infer<typeof EnquiryPayloadSchema>;

export const AlertRaisePayloadSchema = z.object({
  id: z.uuid(),
  hallCode: z.string(),
  stationCode: z.string(),
  level: z.enum(ALERT_LEVELS),
  reason: Text(200),
  staffGuidance: Text(1000),
  customerNotice: Text(300),
  scripts: z.array(Text(300)).max(10),
  startsAt: IsoTime,
  endsAt: IsoTime,
  raisedBy: z.string(),
});
export type AlertRaisePayload = z.infer<typeof AlertRaisePayloadSchema>;

export const AlertEndPayloadSchema = z.object({
  id: z.uuid(),
  hallCode: z.string(),
  endedAt: IsoTime,
  endedBy: z.string(),
});
export type AlertEndPayload = z.infer<typeof AlertEndPayloadSchema>;

export const HALL_RECORD_PAYLOAD_SCHEMAS = {
  'request.fault': FaultReportPayloadSchema,
  'request.subscribe': SubscriptionPayloadSchema,
  'request.withdrawConsent': ConsentWithdrawPayloadSchema,
  'request.enquiry': EnquiryPayloadSchema,
  'alert.raise': AlertRaisePayloadSchema,
  'alert.end': AlertEndPayloadSchema,
} as const;
export type HallRecordKind = keyof typeof HALL_RECORD_PAYLOAD_SCHEMAS;
export const HALL_RECORD_KINDS = Object.keys(HALL_RECORD_PAYLOAD_SCHEMAS) as HallRecordKind[];
export const isHallRecordKind = (kind: string): kind is HallRecordKind =>
  Object.prototype.hasOwnProperty.call(HALL_RECORD_PAYLOAD_SCHEMAS, kind);

// ---------------------------------------------------------------- alerts pulled by stations

/** A hall alert as central holds it: raised by a station of the hall, or by central for an area. */
export const CentralAlertSchema = z.object({
  id: z.uuid(),
  origin: z.enum(['hall', 'central']),
  /** The area central raised it for (a district, a city), when it came from central. */
  area: z.string().max(100).nullable(),
  level: z.enum(ALERT_LEVELS),
  reason: Text(200),
  staffGuidance: Text(1000),
  customerNotice: Text(300),
  scripts: z.array(Text(300)).max(10),
  startsAt: IsoTime,
  endsAt: IsoTime,
  raisedBy: z.string(),
  endedAt: IsoTime.nullable(),
  endedBy: z.string().nullable(),
});
export type CentralAlert = z.infer<typeof CentralAlertSchema>;

/** GET /v1/alerts: the hall's alerts not yet over a day ago (ended ones too, so ends spread). */
export const AlertsPageSchema = z.object({ alerts: z.array(CentralAlertSchema) });
export type AlertsPage = z.infer<typeof AlertsPageSchema>;
