import type { ApiErrorBody } from '../../../shared/api/errors';
import type { ApplicationInput } from '../../../shared/api/schemas';
import { validateApplication, type FieldError } from '../../../shared/catalogue/validate';
import type { Catalogue } from '../../../shared/catalogue/types';
import type { LocalizedText } from '../../../shared/text';

/** Problems by path: `fields.<key>`, `papers.<code>`, `accountKind`, `typeCode`, `rules.<code>`. */
export type ErrorMap = Record<string, LocalizedText>;

function toMap(errors: Pick<FieldError, 'field' | 'message' | 'messageEn'>[]): ErrorMap {
  const map: ErrorMap = {};
  // The first problem of a field is the one to fix first.
  for (const e of errors) map[e.field] ??= { zh: e.message, en: e.messageEn };
  return map;
}

/** The same checks the service runs, so the clerk sees a problem before pressing a button. */
export function checkForm(
  catalogue: Catalogue,
  input: ApplicationInput,
  mode: 'draft' | 'submit',
  now: Date = new Date(),
): ErrorMap {
  return toMap(validateApplication(catalogue, input, mode, now).errors);
}

/**
 * What to look at that does not block (a credit code whose embedded organisation code fails
 * GB 11714): shown beside the field, never stopping a save or a submit.
 */
export function checkFormWarnings(
  catalogue: Catalogue,
  input: ApplicationInput,
  now: Date = new Date(),
): ErrorMap {
  return toMap(validateApplication(catalogue, input, 'draft', now).warnings);
}

/** The service's VALIDATION / INVALID_INPUT answer as the same map. */
export function serverErrorMap(body: ApiErrorBody): ErrorMap {
  if (body.fieldErrors?.length) return toMap(body.fieldErrors);
  if (body.field)
    return toMap([{ field: body.field, message: body.message, messageEn: body.messageEn }]);
  return {};
}

/**
 * Messages read "申请人身份证号：校验位不正确"; under the field itself the label is already on
 * screen, so only the reason is shown there.
 */
export function withoutLabel(message: string, label: string): string {
  for (const sep of ['：', ': ']) {
    if (message.startsWith(label + sep)) return message.slice(label.length + sep.length);
  }
  return message;
}
