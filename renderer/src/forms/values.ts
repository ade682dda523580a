import type { Address, FieldValues, PaperEntry, PaperStatus } from '../../../shared/api/schemas';
import type { FieldDef, PaperDef } from '../../../shared/catalogue/types';

/** On the checklist but not needed for this customer: an optional paper left out. */
export const NOT_NEEDED = 'not_needed';
export type ChecklistStatus = PaperStatus | typeof NOT_NEEDED;

const isAddress = (v: unknown): v is Address =>
  typeof v === 'object' && v !== null && 'province' in v && 'detail' in v;

/**
 * What the form sends: only the fields shown (so an agent's ID is not sent when no agent comes), strings trimmed, empty values left out so
 * "not typed yet" and "typed and cleared" mean the same thing to the service.
 */
export function cleanFields(defs: FieldDef[], values: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const def of defs) {
    const value = values[def.key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed !== '') out[def.key] = trimmed;
    } else if (isAddress(value)) {
      const parts = {
        province: value.province.trim(),
        city: value.city.trim(),
        district: value.district.trim(),
        street: (value.street ?? '').trim(),
        detail: value.detail.trim(),
      };
      // The region list's code travels with the names it stands for.
      if (Object.values(parts).some((p) => p !== ''))
        out[def.key] = value.regionCode ? { ...parts, regionCode: value.regionCode } : parts;
    } else {
      out[def.key] = value;
    }
  }
  return out;
}

/** A new checklist: nothing received yet; optional papers start as not needed. */
export const defaultStatus = (paper: PaperDef): ChecklistStatus =>
  paper.optional ? NOT_NEEDED : 'missing_blocking';

/** The checklist as sent: the papers that apply now, optional ones only when relevant. */
export function paperEntries(
  applicable: PaperDef[],
  statuses: Record<string, ChecklistStatus>,
): PaperEntry[] {
  const out: PaperEntry[] = [];
  for (const paper of applicable) {
    const status = statuses[paper.code] ?? defaultStatus(paper);
    if (status !== NOT_NEEDED) out.push({ code: paper.code, status });
  }
  return out;
}
