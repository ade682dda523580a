import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './error-codes';

// The codes and their HTTP statuses live in a module without zod: the web host answers with them
// before it has loaded the contract.
export { ERROR_CODES, ERROR_HTTP_STATUS, type ErrorCode } from './error-codes';

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
