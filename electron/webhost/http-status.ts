import type { ErrorCode } from '../../shared/api/errors';

/** HTTP status for each typed error; the body always carries the full `{ok:false, error}`. */
export const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 500 | 503> = {
  UNKNOWN_METHOD: 404,
  INVALID_INPUT: 400,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
