import type { FieldValue, FieldValues } from '../api/schemas';
import type {
  AccountKind,
  BusinessType,
  Catalogue,
  DeadlineRule,
  FieldCondition,
  FieldDef,
  PaperDef,
  StageLimit,
  WholeProcessLimit,
} from './types';
import type { LocalizedText } from '../text';

/** Which definitions apply to one application: by account kind and by `when` conditions. */

/**
 * A catalogue's types by code and a type's definitions by key, made once per object: central
 * looks a type up for every application it takes in, validation and masking a definition for
 * every value. Catalogues and their types are not changed once loaded.
 */
const typesByCode = new WeakMap<Catalogue, ReadonlyMap<string, BusinessType>>();
const defsByKey = new WeakMap<BusinessType, ReadonlyMap<string, readonly FieldDef[]>>();

/** The type with this code (the first, should a catalogue list a code twice). */
export function findType(catalogue: Catalogue, code: string): BusinessType | undefined {
  let types = typesByCode.get(catalogue);
  if (!types) {
    const byCode = new Map<string, BusinessType>();
    for (const t of catalogue.types) if (!byCode.has(t.code)) byCode.set(t.code, t);
    typesByCode.set(catalogue, (types = byCode));
  }
  return types.get(code);
}

/**
 * A type's field definitions by key, in catalogue order: a key may be defined twice for
 * disjoint account kinds (applicantName: person or organisation).
 */
export function fieldDefsByKey(type: BusinessType): ReadonlyMap<string, readonly FieldDef[]> {
  let byKey = defsByKey.get(type);
  if (!byKey) {
    const made = new Map<string, FieldDef[]>();
    for (const f of type.fields) {
      const same = made.get(f.key);
      if (same) same.push(f);
      else made.set(f.key, [f]);
    }
    defsByKey.set(type, (byKey = made));
  }
  return byKey;
}

export const typesFor = (catalogue: Catalogue, accountKind: AccountKind): BusinessType[] =>
  catalogue.types.filter((t) => t.accountKinds.includes(accountKind));

const forKind = (kinds: AccountKind[] | undefined, kind: AccountKind): boolean =>
  kinds === undefined || kinds.includes(kind);

/** A select's value as compared by conditions: booleans read as "yes" / "no". */
export function conditionValue(v: FieldValue | undefined): string | undefined {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export const conditionHolds = (c: FieldCondition | undefined, fields: FieldValues): boolean => {
  if (!c) return true;
  const v = conditionValue(fields[c.field]);
  return v !== undefined && c.oneOf.includes(v);
};

/** 委托代办: the applicant sends an agent. */
export const isAgentCase = (fields: FieldValues): boolean =>
  conditionValue(fields['agent']) === 'yes';

/**
 * The field definitions of `type` for one account kind, in form order. With `values`, fields
 * whose `when` condition fails are left out (what the form shows right now).
 */
export function fieldsFor(
  type: BusinessType,
  accountKind: AccountKind,
  values?: FieldValues,
): FieldDef[] {
  return type.fields.filter(
    (f) => forKind(f.accountKinds, accountKind) && (!values || conditionHolds(f.when, values)),
  );
}

/** The checklist for one account kind and the current values (agent papers only for agents). */
export function papersFor(
  type: BusinessType,
  accountKind: AccountKind,
  values: FieldValues,
): PaperDef[] {
  const agent = isAgentCase(values);
  return type.papers.filter(
    (p) =>
      forKind(p.accountKinds, accountKind) &&
      (!p.agentOnly || agent) &&
      conditionHolds(p.when, values),
  );
}

export interface EffectiveDeadline {
  workingDays: number;
  scope: DeadlineRule['scope'];
  basis: LocalizedText;
  stages: StageLimit[];
  /** The whole-process limit beside a utility-time one, where the type has it. */
  whole?: WholeProcessLimit;
}

/** The deadline figure for these values (高压 dual supply picks its variant). */
export function deadlineFor(type: BusinessType, values: FieldValues = {}): EffectiveDeadline {
  const d = type.deadline;
  const v = d.variants?.find((x) => conditionHolds(x.when, values));
  return {
    workingDays: v?.workingDays ?? d.workingDays,
    scope: d.scope,
    basis: v?.basis ?? d.basis,
    stages: v?.stages ?? d.stages ?? [],
    ...(d.whole ? { whole: d.whole } : {}),
  };
}
