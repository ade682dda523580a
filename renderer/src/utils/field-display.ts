import type { FieldValue } from '../../../shared/api/schemas';
import type { FieldDef } from '../../../shared/catalogue/types';
import { formatAddress } from '../../../shared/domain/address-text';
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
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') return formatAddress(value);
  if (typeof value === 'boolean')
    return pick(value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });
  if (def?.kind === 'select') {
    const option = def.options?.find((o) => o.value === value);
    if (option) return pick(option.label);
  }
  if (
    typeof value === 'number' &&
    (def?.kind === 'capacityKva' || def?.kind === 'transformerKva')
  ) {
    return `${value} kVA`;
  }
  if (typeof value === 'number' && def?.kind === 'capacityKw') return `${value} kW`;
  return String(value);
}
