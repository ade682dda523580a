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
