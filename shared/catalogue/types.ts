import type { LocalizedText } from '../text';

/** Who holds the account: the three families of 新装 / 增容 and who may use a change type. */
export type AccountKind = 'lv_resident' | 'lv_business' | 'hv';
export const ACCOUNT_KINDS: readonly AccountKind[] = ['lv_resident', 'lv_business', 'hv'];

/** 新装, 增容, 变更用电 (and the restore pairs, which are change-of-use types too). */
export type BusinessFamily = 'new' | 'increase' | 'change';

/** The validator a field is checked with; each maps to a function in shared/validators. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'personName'
  | 'orgName'
  | 'idNumber'
  | 'creditCode'
  | 'mobile'
  | 'accountNo'
  | 'capacityKva'
  | 'capacityKw'
  | 'transformerKva'
  | 'address'
  | 'date'
  | 'integer'
  | 'select';

/**
 * Where a figure comes from. `published`: a document and its article (a rule, a commitment, a
 * standard). `hall`: the hall's (or province's) own setting, with no published source: shown to
 * supervisors as such and never put in front of customers.
 */
export type FigureSource =
  | {
      kind: 'published';
      document: string;
      article: string;
      /** The document and article in English (the catalogue's other texts have both). */
      en?: string;
      note?: LocalizedText;
    }
  | { kind: 'hall'; note: LocalizedText };

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

/**
 * A field or paper applies only when another field's value is one of `oneOf`
 * (e.g. the agent's ID only when `agent` is "yes"; the second-supply reason only for dual supply).
 * Boolean values compare as "yes" / "no".
 */
export interface FieldCondition {
  field: string;
  oneOf: string[];
}

export interface FieldDef {
  key: string;
  label: LocalizedText;
  kind: FieldKind;
  required: boolean;
  /** For select fields. */
  options?: FieldOption[];
  /** Preselected on a new form (one of `options`); the clerk may change it. */
  defaultValue?: string;
  /** For integer / capacity fields. */
  min?: number;
  max?: number;
  /** Where min / max come from: required whenever either is set. */
  limitSource?: FigureSource;
  /**
   * For capacity fields: a lower maximum by another field's value (single-phase supply carries
   * only a small load). Values of `field` without an entry keep `max`. Checked as this field's
   * error, in drafts too (shared/catalogue/field-limits.ts).
   */
  maxBy?: { field: string; max: Record<string, number>; source: FigureSource };
  /** For text fields. */
  maxLength?: number;
  /** Personal data: masked on screen, on paper, never logged. */
  personal?: boolean;
  /**
   * For idNumber fields: the key of the select that says which certificate the number is on
   * (shared/validators/certificates.ts). Absent, or the select left empty: 居民身份证, so
   * applications stored before certificate types existed keep their meaning.
   */
  certificateTypeField?: string;
  /** For mobile fields: a landline with its area code is accepted too (normalized 0AA-NNNNNNNN). */
  landline?: boolean;
  help?: LocalizedText;
  /**
   * Account kinds this definition is for; absent = all the type's kinds. A key may appear twice
   * with disjoint kinds (applicantName is a person's name for households, an organisation's
   * name for businesses). Use fieldsFor() to get the list for one account kind.
   */
  accountKinds?: AccountKind[];
  /** Shown and checked only when the condition holds; otherwise its value is dropped. */
  when?: FieldCondition;
}

export interface PaperDef {
  code: string;
  name: LocalizedText;
  /** 容缺受理: may the case be accepted with this paper missing, to be supplied later? */
  deferrable: boolean;
  /** Only needed when the applicant sends an agent (委托代办): the `agent` field is "yes". */
  agentOnly?: boolean;
  /** Account kinds this paper is for; absent = all the type's kinds. */
  accountKinds?: AccountKind[];
  /** Needed only when the condition holds (e.g. a second-supply reason for dual supply). */
  when?: FieldCondition;
  /**
   * On the checklist but not needed to submit (e.g. a household's property proof, needed only
   * when ownership is unclear). Marking it missing_blocking still blocks.
   */
  optional?: boolean;
  help?: LocalizedText;
}

/**
 * A business rule checked on submit. `code` selects the check in shared/catalogue/rules.ts;
 * `params` are the configurable figures (days, counts, limits), never constants in code.
 */
export interface RuleCheckDef {
  code: string;
  description: LocalizedText;
  params?: Record<string, number | string | boolean>;
  /** Where the rule and its figures come from. */
  source: FigureSource;
}

export interface StageLimit {
  stage: string;
  workingDays: number;
}

/** Working-day limit from acceptance; see "Deadlines and 红橙黄 warnings" in docs/domain.md. */
export interface DeadlineRule {
  workingDays: number;
  /** whole process, or only the utility's own time (customer time excluded). */
  scope: 'whole' | 'utility';
  basis: LocalizedText;
  /** Optional only for rule sets saved before sources existed; the catalogue always has one. */
  source?: FigureSource;
  stages?: StageLimit[];
  /** Where the stage limits come from (one source for the list). */
  stagesSource?: FigureSource;
  /**
   * A second, whole-process limit beside a utility-time one (低压非居民: 6 days of utility time
   * and 15 working days in all). Counted from acceptance like the main limit.
   */
  whole?: WholeProcessLimit;
  /** Other figures when a field says so (高压 dual supply: 32 instead of 22). First match wins. */
  variants?: DeadlineVariant[];
}

export interface DeadlineVariant {
  when: FieldCondition;
  workingDays: number;
  basis: LocalizedText;
  source?: FigureSource;
  stages?: StageLimit[];
}

export interface WholeProcessLimit {
  workingDays: number;
  basis: LocalizedText;
  source?: FigureSource;
}

export interface BusinessType {
  code: string;
  family: BusinessFamily;
  name: LocalizedText;
  accountKinds: AccountKind[];
  fields: FieldDef[];
  papers: PaperDef[];
  rules: RuleCheckDef[];
  deadline: DeadlineRule;
  /** Central lifecycle stages this type goes through (mirrored read-only). */
  stages: string[];
  /** For restore types: the type this one restores (暂停恢复 → 暂停). */
  restores?: string;
}

/** Per-province settings that travel with the catalogue version. */
export interface CatalogueSettings {
  /** 户号 length (10 is common). */
  accountNoLength: number;
  accountNoLengthSource?: FigureSource;
}

export interface Catalogue {
  version: string;
  /** ISO date (YYYY-MM-DD) from which this version applies. */
  effectiveFrom: string;
  types: BusinessType[];
  settings?: CatalogueSettings;
}
