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

/** The input field the service blames (e.g. `fields.idNumber`), if it names one. */
export function errorField(err: unknown): string | undefined {
  return err instanceof ClientError ? err.body.field : undefined;
}
