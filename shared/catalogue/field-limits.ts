import type { FieldValues } from '../api/schemas';
import { t, type LocalizedText } from '../text';
import type { FieldDef } from './types';

/**
 * A capacity's maximum that depends on another field (maxBy): 单相220V supply carries at most a
 * small load, so a household's 99999 kVA on one phase is refused, naming the field and the
 * limit, never the value typed. `values` are the normalized values (both fields passed their
 * own checks); a value missing on either side leaves the check to the required-field check.
 */
export function dependentMaxReason(
  def: FieldDef,
  defs: readonly FieldDef[],
  values: FieldValues,
): LocalizedText | undefined {
  if (!def.maxBy) return undefined;
  const value = values[def.key];
  const other = values[def.maxBy.field];
  if (typeof value !== 'number' || other === undefined || other === null) return undefined;
  const max = def.maxBy.max[String(other)];
  if (max === undefined || value <= max) return undefined;
  const unit = def.kind === 'capacityKw' ? 'kW' : 'kVA';
  const by = defs.find((d) => d.key === def.maxBy?.field);
  const option = by?.options?.find((o) => o.value === String(other))?.label;
  const zhBy = option?.zh ?? by?.label.zh ?? def.maxBy.field;
  const enBy = option?.en ?? by?.label.en ?? def.maxBy.field;
  return t(
    `${zhBy}供电时不能超过 ${max} ${unit}，请改选相数或核实容量`,
    `at most ${max} ${unit} on ${enBy} supply; choose another phase option or check the capacity`,
  );
}
