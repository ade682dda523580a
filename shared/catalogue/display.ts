import type { FieldValue, FieldValues } from '../api/schemas';
import { formatAddress } from '../domain/address-text';
import { t, type LocalizedText } from '../text';
import { fieldsFor } from './applicability';
import type { AccountKind, BusinessType, FieldDef } from './types';

/**
 * A field's value as people read it, in both languages: option labels for selects, kVA for
 * capacities, one line for an address. Personal values must arrive masked already; nothing here
 * unmasks or re-formats them.
 */
export function fieldValueText(
  def: FieldDef | undefined,
  value: FieldValue | undefined,
): LocalizedText {
  if (value === null || value === undefined || value === '') return t('', '');
  if (typeof value === 'object') return same(formatAddress(value));
  if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
  if (def?.kind === 'select') {
    const option = def.options?.find((o) => o.value === value);
    if (option) return option.label;
  }
  if (typeof value === 'number' && (def?.kind === 'capacityKva' || def?.kind === 'transformerKva'))
    return same(`${value} kVA`);
  if (typeof value === 'number' && def?.kind === 'capacityKw') return same(`${value} kW`);
  return same(String(value));
}

const same = (text: string): LocalizedText => ({ zh: text, en: text });

export interface FieldRow {
  key: string;
  label: LocalizedText;
  value: LocalizedText;
}

/**
 * The rows of one application as its type and account kind define them, in form order: only
 * the definitions for this account kind (a household shows 申请人姓名, never 单位名称), only
 * fields whose `when` holds, only those with a value. `skip` leaves out kinds (free text).
 */
export function applicableFieldRows(
  type: BusinessType,
  accountKind: AccountKind,
  fields: FieldValues,
  skip: readonly FieldDef['kind'][] = [],
): FieldRow[] {
  return fieldsFor(type, accountKind, fields)
    .filter((def) => !skip.includes(def.kind))
    .filter(
      (def) => fields[def.key] !== undefined && fields[def.key] !== null && fields[def.key] !== '',
    )
    .map((def) => ({
      key: def.key,
      label: def.label,
      value: fieldValueText(def, fields[def.key]),
    }));
}
