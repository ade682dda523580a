import { z } from 'zod';
import { APPOINTMENT_REASONS } from '../../../../shared/appointments/protocol';
import { QUEUE_REASONS, QueueErrorBodySchema } from '../../../../shared/queue/protocol';

/**
 * Every non-2xx answer of the central system (and of a hall hub) carries this body when it
 * carries one at all: the sync body plus the queue's or the appointments' optional `reason`.
 */
export const CentralErrorBodySchema = QueueErrorBodySchema.extend({
  reason: z.enum([...QUEUE_REASONS, ...APPOINTMENT_REASONS]).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type CentralErrorBody = z.infer<typeof CentralErrorBodySchema>;

/** How an exchange failed. The first five mean no usable answer came back. */
export type CentralErrorKind =
  /** Refused, reset, DNS: no connection. */
  | 'network'
  /** No (complete) answer within the time allowed. */
  | 'timeout'
  /** The server's certificate is not the pinned one (a hall hub): nothing was sent. */
  | 'untrusted'
  /** The body was cut off or is not JSON. */
  | 'truncated'
  /** A 2xx (or a redirect) whose body does not match the protocol. */
  | 'unreadable'
  /** 400 and 422: this request is wrong and will stay wrong. */
  | 'invalid'
  /** 401: the token is not (or no longer) accepted. */
  | 'unauthorized'
  /** 401 on registration itself: the registration secret is wrong. */
  | 'enrolment_refused'
  /** 403: this device is not allowed (disabled by an administrator). */
  | 'forbidden'
  | 'not_found'
  /** 409: the central record moved on, or a business rule says no. */
  | 'conflict'
  /** 413: the request is too large. */
  | 'too_large'
  /** Any other 4xx. */
  | 'refused'
  /** 429. */
  | 'rate_limited'
  /** 5xx. */
  | 'server';

const NO_ANSWER: ReadonlySet<CentralErrorKind> = new Set(['network', 'timeout', 'untrusted']);
const TRANSIENT: ReadonlySet<CentralErrorKind> = new Set([
  'network',
  'timeout',
  'truncated',
  'unreadable',
  'rate_limited',
  'server',
]);
const BAD_BODY: ReadonlySet<CentralErrorKind> = new Set(['truncated', 'unreadable']);

/** The classification table for an HTTP answer that is not 2xx. */
export function kindForStatus(status: number): CentralErrorKind {
  if (status >= 500) return 'server';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status >= 400) return 'refused';
  return 'unreadable';
}

/**
 * The one error of the central client. `detail` names error classes and statuses only, never
 * a message or URL of a foreign error: it is logged and shown on the sync page.
 */
export class CentralError extends Error {
  readonly kind: CentralErrorKind;
  readonly status: number | undefined;
  readonly body: CentralErrorBody | undefined;
  readonly retryAfterMs: number | undefined;
  readonly detail: string;

  constructor(init: {
    kind: CentralErrorKind;
    detail: string;
    status?: number | undefined;
    body?: CentralErrorBody | undefined;
    retryAfterMs?: number | undefined;
  }) {
    super(`central: ${init.kind}: ${init.detail}`);
    this.name = 'CentralError';
    this.kind = init.kind;
    this.detail = init.detail;
    this.status = init.status;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** The same answer under another kind (a 401 on registration is a refused enrolment). */
  as(kind: CentralErrorKind): CentralError {
    return new CentralError({ ...this, kind });
  }

  /** "HTTP 503 UNAVAILABLE" for an answer, "network: TypeError (ECONNREFUSED)" for none. */
  describe(): string {
    if (this.status !== undefined && !BAD_BODY.has(this.kind)) {
      return `HTTP ${this.status}${this.body ? ` ${this.body.code}` : ''}`;
    }
    return `${this.kind}: ${this.detail}`;
  }
}

/** The central system answered (with anything at all): the link is up. */
export const answered = (err: CentralError): boolean => !NO_ANSWER.has(err.kind);

/** "Not now": worth trying again later, with backoff. */
export const isTransient = (err: CentralError): boolean => TRANSIENT.has(err.kind);

/**
 * A business answer a person can read: the central system said no, with a message in both
 * languages. Anything else (an outage, a 4xx without a readable body) counts as unavailable.
 */
export const isBusinessRefusal = (err: unknown): err is CentralError & { body: CentralErrorBody } =>
  err instanceof CentralError && !isTransient(err) && err.body !== undefined;
