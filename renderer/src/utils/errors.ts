import { ClientError } from '../api/client';

/** A message for the clerk in the current language; never the raw exception text. */
export function errorText(err: unknown, zh: boolean): string {
  if (err instanceof ClientError) return zh ? err.body.message : err.body.messageEn;
  return zh ? '操作失败，请重试' : 'The operation failed; please retry';
}

/** The service's error code, or undefined for anything that is not a service answer. */
export function errorCode(err: unknown): ClientError['code'] | undefined {
  return err instanceof ClientError ? err.code : undefined;
}

/** The service's message for one input field (from its field list or its single field), or ''. */
export function fieldErrorText(err: unknown, field: string, zh: boolean): string {
  if (!(err instanceof ClientError)) return '';
  const body = err.body;
  const hit =
    body.fieldErrors?.find((f) => f.field === field) ?? (body.field === field ? body : null);
  return hit ? (zh ? hit.message : hit.messageEn) : '';
}

/** The input field the service blames (e.g. `fields.idNumber`), if it names one. */
export function errorField(err: unknown): string | undefined {
  return err instanceof ClientError ? err.body.field : undefined;
}
