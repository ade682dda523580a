import type { Context } from 'hono';
import type { SyncErrorBody, SyncErrorCode } from '../shared/sync/protocol';

/**
 * The error table: every kind of error the central system answers with, its HTTP status and
 * its body code. Handlers name a row; none picks a status of its own, so statuses cannot drift
 * from this table (central/http.test.ts walks it).
 */
export const ERROR_TABLE = {
  /** The body or query cannot be read, or a field fails its schema. */
  malformed: { status: 400, code: 'BAD_REQUEST' },
  /** No token, an unknown one, a wrong registration secret or device credentials. */
  unauthenticated: { status: 401, code: 'UNAUTHENTICATED' },
  tokenExpired: { status: 401, code: 'TOKEN_EXPIRED' },
  /** The device is disabled. */
  forbidden: { status: 403, code: 'FORBIDDEN' },
  /** No such endpoint (whatever the method), or no such thing. */
  notFound: { status: 404, code: 'NOT_FOUND' },
  /** The state does not allow it (a stage that would go back, a busy counter). */
  conflict: { status: 409, code: 'CONFLICT' },
  tooLarge: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  /** A body that is not `application/json` (any case, any parameters). */
  unsupportedMediaType: { status: 415, code: 'BAD_REQUEST' },
  /** Read fine but refused on its merits (an unknown stage or service). */
  unprocessable: { status: 422, code: 'BAD_REQUEST' },
  rateLimited: { status: 429, code: 'RATE_LIMITED' },
  internal: { status: 500, code: 'INTERNAL' },
  unavailable: { status: 503, code: 'UNAVAILABLE' },
} as const satisfies Record<string, { status: number; code: SyncErrorCode }>;

export type ErrorKind = keyof typeof ERROR_TABLE;

/** The typed error body for a row of the table, with its texts (which never hold a value). */
export function errorBody(
  kind: ErrorKind,
  message: string,
  messageEn: string,
  extra: Partial<SyncErrorBody> = {},
): { status: (typeof ERROR_TABLE)[ErrorKind]['status']; body: SyncErrorBody } {
  const row = ERROR_TABLE[kind];
  return { status: row.status, body: { code: row.code, message, messageEn, ...extra } };
}

export function fail(
  c: Context,
  kind: ErrorKind,
  message: string,
  messageEn: string,
  extra: Partial<SyncErrorBody> = {},
): Response {
  const { status, body } = errorBody(kind, message, messageEn, extra);
  return c.json(body, status);
}
