import { z } from 'zod';

export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  /** No valid staff session: sign in (again). */
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
  /** HTTP transport only: the body is not `application/json`. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** HTTP transport only: the body is over the byte limit. */
  'PAYLOAD_TOO_LARGE',
  /** Too many searches by a protected column (ID number, phone, credit code) in a minute. */
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The error table: the HTTP status each code is answered with (the body always carries the
 * full `{ok:false, error}`; IPC carries the same body without a status).
 */
export const ERROR_HTTP_STATUS = {
  UNKNOWN_METHOD: 404,
  INVALID_INPUT: 400,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
} as const satisfies Record<ErrorCode, number>;

export const ApiErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Chinese first. */
  message: z.string(),
  messageEn: z.string(),
  /** Dotted path of the offending input field, e.g. "fields.idNumber". */
  field: z.string().optional(),
  /** Further field errors when several fields are wrong at once. */
  fieldErrors: z
    .array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() }))
    .optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/**
 * The one error type the services throw on purpose. Messages must never contain personal data
 * (ID numbers, phones, addresses): they travel to logs and screens.
 */
export class ApiError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(`${body.code}: ${body.messageEn}`);
    this.name = 'ApiError';
    this.body = body;
  }
}

export const apiError = (
  code: ErrorCode,
  message: string,
  messageEn: string,
  extra: Pick<ApiErrorBody, 'field' | 'fieldErrors'> = {},
): ApiError => new ApiError({ code, message, messageEn, ...extra });

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
