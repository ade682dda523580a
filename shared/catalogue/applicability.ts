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

export const findType = (catalogue: Catalogue, code: string): BusinessType | undefined =>
  catalogue.types.find((t) => t.code === code);

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
