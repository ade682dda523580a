import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import {
  arrivalCommitment,
  checkEnquiry,
  checkFaultReport,
  checkSubscription,
  describeSource,
  type RequestFieldError,
  type RequestKind,
} from '../../../../shared/catalogue';
import type {
  EnquiryInputSchema,
  FaultReportInputSchema,
  RequestCatalogueView,
  RequestSummary,
  SubscribeInputSchema,
} from '../../../../shared/api/methods/requests';
import { maskMiddle } from '../../../../shared/domain';
import { hallDateCompact, toHallIso } from '../../../../shared/hall-time';
import type { RequestShelf } from '../../../../shared/catalogue/versions';
import { cipherOf } from '../crypto';
import type { Database } from '../db';
import { createRecordOutbox } from './outbox-op';
import { createRequestStore, type RequestInsert, type RequestRow } from './store';

export interface RequestServiceDeps {
  db: Database;
  /** The requests catalogue by hall date: each request is taken under the version in force. */
  catalogues: RequestShelf;
  accountNoLength: number;
  hallCode: string;
  stationCode: string;
  now: () => Date;
}

const PREFIX: Record<RequestKind, string> = { fault: 'GZ', subscription: 'DY', enquiry: 'ZX' };

function refused(errors: RequestFieldError[]) {
  const first = errors[0];
  return apiError('VALIDATION', first?.reason.zh ?? '', first?.reason.en ?? '', {
    ...(first ? { field: first.field } : {}),
    fieldErrors: errors.map((e) => ({
      field: e.field,
      message: e.reason.zh,
      messageEn: e.reason.en,
    })),
  });
}

const maskPhone = (s: string): string => (s === '' ? '' : maskMiddle(s, 3, 4));
const maskAccount = (s: string | null): string => (s ? maskMiddle(s, 2, 2) : '');

/**
 * Requests beside applications (issue 17): 故障报修 (queued for central at once with its
 * arrival commitment), 信息订阅 (recorded only with the customer's consent, withdrawable) and
 * 咨询 (topic and answer, for the statistics). Each is one row and one outbox operation in one
 * transaction, like an application's submit; typed values are sealed, lists show them masked.
 */
export function createRequestService(deps: RequestServiceDeps) {
  const inForce = () => {
    const now = deps.now();
    return { now, cat: deps.catalogues.inForce(now) };
  };
  const store = createRequestStore(deps.db);
  const outbox = createRecordOutbox(deps.db);
  const cipher = cipherOf(deps.db);
  const base = (kind: RequestKind, actor: string, now: Date, version: string) => {
    const at = now.getTime();
    const prefix = `${deps.stationCode}-${hallDateCompact(at)}-${PREFIX[kind]}`;
    const no = `${prefix}${String(store.countNumbered(prefix) + 1).padStart(3, '0')}`;
    const id = uuidv7();
    const payloadBase = {
      id,
      requestNo: no,
      hallCode: deps.hallCode,
      stationCode: deps.stationCode,
      takenAt: toHallIso(at),
      takenBy: actor,
      catalogueVersion: version,
    };
    return { id, no, at, payloadBase };
  };
  const row = (
    kind: RequestKind,
    b: { id: string; no: string; at: number },
    actor: string,
    extra: Partial<RequestInsert> & Pick<RequestInsert, 'topic' | 'details'>,
  ): RequestInsert => ({
    id: b.id,
    request_no: b.no,
    kind,
    taken_at: b.at,
    taken_by: actor,
    phone_masked: '',
    phone_bidx: null,
    account_no_masked: '',
    arrive_by: null,
    consent_at: null,
    consent_method: null,
    consent_version: null,
    ...extra,
  });

  const summary = (r: RequestRow): RequestSummary => ({
    id: r.id,
    requestNo: r.request_no,
    kind: r.kind,
    topic: r.topic,
    takenAt: toHallIso(r.taken_at),
    takenBy: r.taken_by,
    phoneMasked: r.phone_masked,
    accountNoMasked: r.account_no_masked,
    arrivalMinutes: r.arrive_by === null ? null : Math.round((r.arrive_by - r.taken_at) / 60_000),
    arriveBy: r.arrive_by === null ? null : toHallIso(r.arrive_by),
    consent:
      r.consent_at === null
        ? null
        : {
            at: toHallIso(r.consent_at),
            method: r.consent_method ?? '',
            version: r.consent_version ?? '',
          },
    withdrawnAt: r.withdrawn_at === null ? null : toHallIso(r.withdrawn_at),
    syncState: outbox.stateOf(r.id),
  });
  const read = (id: string): RequestSummary => {
    const r = store.byId(id);
    if (!r) throw apiError('NOT_FOUND', '找不到该记录', 'Request not found', { field: 'id' });
    return summary(r);
  };

  return {
    catalogue: (): RequestCatalogueView => {
      const { cat } = inForce();
      return {
        version: cat.version,
        names: cat.names,
        faultKinds: cat.fault.kinds,
        areaKinds: cat.fault.areaKinds.map((o) => ({
          ...o,
          minutes: cat.fault.arrival.minutes[o.value as keyof typeof cat.fault.arrival.minutes],
        })),
        arrivalSource: describeSource(cat.fault.arrival.source),
        channels: cat.subscription.channels,
        topics: cat.subscription.topics,
        consentText: cat.subscription.consentText,
        consentMethods: cat.subscription.consentMethods,
        enquiryTopics: cat.enquiry.topics,
      };
    },

    reportFault(input: z.output<typeof FaultReportInputSchema>, actor: string): RequestSummary {
      const { now, cat } = inForce();
      const checked = checkFaultReport(cat, input, deps.accountNoLength);
      if (!checked.ok) throw refused(checked.errors);
      const b = base('fault', actor, now, cat.version);
      const arrival = arrivalCommitment(cat, input.areaKind, new Date(b.at));
      const details = {
        accountNo: checked.accountNo,
        addressText: input.addressText ?? '',
        phone: checked.phone,
        description: input.description ?? '',
      };
      store.transaction(() => {
        store.insert(
          row('fault', b, actor, {
            topic: input.faultKind,
            details,
            phone_masked: maskPhone(checked.phone),
            phone_bidx: cipher.blindIndex('mobile', checked.phone),
            account_no_masked: maskAccount(checked.accountNo),
            arrive_by: arrival.arriveBy.getTime(),
          }),
        );
        outbox.enqueue(
          'request.fault',
          b.id,
          {
            ...b.payloadBase,
            ...details,
            faultKind: input.faultKind,
            areaKind: input.areaKind,
            arrivalMinutes: arrival.minutes,
            arriveBy: toHallIso(arrival.arriveBy),
          },
          b.at,
        );
      });
      return read(b.id);
    },

    subscribe(input: z.output<typeof SubscribeInputSchema>, actor: string): RequestSummary {
      const { now, cat } = inForce();
      const checked = checkSubscription(cat, input, deps.accountNoLength);
      if (!checked.ok) throw refused(checked.errors);
      const b = base('subscription', actor, now, cat.version);
      const details = {
        mobile: checked.mobile,
        accountNo: checked.accountNo,
        channels: input.channels,
        topics: input.topics,
      };
      store.transaction(() => {
        store.insert(
          row('subscription', b, actor, {
            topic: input.topics.join(','),
            details,
            phone_masked: maskPhone(checked.mobile),
            phone_bidx: cipher.blindIndex('mobile', checked.mobile),
            account_no_masked: maskAccount(checked.accountNo),
            consent_at: b.at,
            consent_method: input.consentMethod,
            consent_version: cat.subscription.consentVersion,
          }),
        );
        outbox.enqueue(
          'request.subscribe',
          b.id,
          {
            ...b.payloadBase,
            ...details,
            consent: {
              method: input.consentMethod,
              textVersion: cat.subscription.consentVersion,
              at: toHallIso(b.at),
            },
          },
          b.at,
        );
      });
      return read(b.id);
    },

    /** The customer withdraws the consent: no more notices; the record of both stays. */
    withdrawConsent(id: string, actor: string): RequestSummary {
      const r = store.byId(id);
      if (!r || r.kind !== 'subscription')
        throw apiError('NOT_FOUND', '找不到该订阅', 'Subscription not found', { field: 'id' });
      const at = deps.now().getTime();
      store.transaction(() => {
        if (!store.withdraw(id, at, actor))
          throw apiError('CONFLICT', '该订阅的同意已撤回', 'The consent was withdrawn already', {
            field: 'id',
          });
        outbox.enqueue(
          'request.withdrawConsent',
          id,
          { id, hallCode: deps.hallCode, withdrawnAt: toHallIso(at), withdrawnBy: actor },
          at,
        );
      });
      return read(id);
    },

    enquiry(input: z.output<typeof EnquiryInputSchema>, actor: string): RequestSummary {
      const { now, cat } = inForce();
      const errors = checkEnquiry(cat, input);
      if (errors.length > 0) throw refused(errors);
      const b = base('enquiry', actor, now, cat.version);
      store.transaction(() => {
        store.insert(
          row('enquiry', b, actor, {
            topic: input.topic,
            details: { question: input.question ?? '', answer: input.answer },
          }),
        );
        // Statistics only: the question and answer stay in the hall.
        outbox.enqueue(
          'request.enquiry',
          b.id,
          { ...b.payloadBase, topic: input.topic, answered: true },
          b.at,
        );
      });
      return read(b.id);
    },

    list: (kind: RequestKind | undefined, limit: number): RequestSummary[] =>
      store.list(kind, limit).map(summary),
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
