import type { FieldValue } from '../../../shared/api/schemas';
import { fieldValueText } from '../../../shared/catalogue/display';
import type { FieldDef } from '../../../shared/catalogue/types';
import type { LocalizedText } from '../../../shared/text';

/**
 * One field's value as text for the detail page. Personal values arrive already masked from
 * the service and are shown exactly as given; nothing here unmasks or re-formats them.
 */
export function displayFieldValue(
  def: FieldDef | undefined,
  value: FieldValue | undefined,
  pick: (text: LocalizedText) => string,
): string {
  return pick(fieldValueText(def, value));
}
