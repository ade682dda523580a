import { ClientError } from '../api/client';

/** A message for the clerk in the current language; never the raw exception text. */
export function errorText(err: unknown, zh: boolean): string {
  if (err instanceof ClientError) return zh ? err.body.message : err.body.messageEn;
  return zh ? '操作失败，请重试' : 'The operation failed; please retry';
}
