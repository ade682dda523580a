import { apiError, type ApiError } from '../api/errors';
import type { FieldValues, PaperEntry } from '../api/schemas';
import { PAPER_STATUSES } from '../api/schemas';
import {
  ACCOUNT_KINDS,
  type AccountKind,
  type BusinessType,
  type Catalogue,
  type FieldDef,
} from './types';
import { conditionHolds, fieldDefsByKey, fieldsFor, findType, papersFor } from './applicability';
import { checkFieldValue, isEmptyValue, labelled } from './field-check';
import { dependentMaxReason } from './field-limits';
import {
  DEFAULT_CERTIFICATE_TYPE,
  isCertificateType,
  type CertificateType,
} from '../validators/certificates';
import { RULE_CHECKS } from './rules';
import type { WorkingCalendar } from '../deadline/calendar';

export interface ValidateOptions {
  /** The hall's working calendar (bundled plus loaded years) for notice periods. */
  calendar?: WorkingCalendar;
}

/** One problem, by dotted path: "fields.idNumber", "papers.ID_CARD", "typeCode", "rules.MIN_DAYS". */
export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface ApplicationToValidate {
  typeCode: string;
  accountKind: AccountKind;
  fields: FieldValues;
  papers: PaperEntry[];
}

export interface ValidationResult {
  errors: FieldError[];
  /**
   * Things to look at that do not block (an embedded organisation code failing its own
   * check): shown beside the field, never a reason to refuse.
   */
  warnings: FieldError[];
  /** The values to store: normalized, only fields that apply, empty values left out. */
  normalized: FieldValues;
}

const err = (field: string, zh: string, en: string): FieldError => ({
  field,
  message: zh,
  messageEn: en,
});

/**
 * Checks an application against the catalogue. The renderer runs it for inline errors, the
 * services run it again authoritatively.
 *
 * 'draft': only values that are present are checked (format); nothing is required yet.
 * 'submit': required fields, the papers checklist (容缺 rules) and the type's rule checks too.
 *
 * Values of fields that do not apply (another account kind's field, an agent's field when no
 * agent comes) are dropped rather than refused: forms keep them while the clerk switches.
 * Keys the type does not define at all are refused. Messages name the field, never the value.
 */
export function validateApplication(
  catalogue: Catalogue,
  input: ApplicationToValidate,
  mode: 'draft' | 'submit',
  now: Date,
  options: ValidateOptions = {},
): ValidationResult {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const normalized: FieldValues = {};
  const type = findType(catalogue, input.typeCode);
  if (!type) {
    errors.push(err('typeCode', '业务类型不存在', 'Unknown business type'));
    return { errors, warnings, normalized };
  }
  if (
    !ACCOUNT_KINDS.includes(input.accountKind) ||
    !type.accountKinds.includes(input.accountKind)
  ) {
    errors.push(
      err(
        'accountKind',
        `${type.name.zh}不适用于该客户类别`,
        `${type.name.en} is not available for this kind of account`,
      ),
    );
    return { errors, warnings, normalized };
  }

  const known = fieldDefsByKey(type);
  for (const key of Object.keys(input.fields)) {
    if (!known.has(key)) errors.push(err(`fields.${key}`, '未知字段', 'Unknown field'));
  }

  // Conditions read the values as given; select values are compared trimmed.
  const defs = fieldsFor(type, input.accountKind);
  const applicable = defs.filter((d) => conditionHolds(d.when, input.fields));
  const run: Run = {
    input,
    mode,
    applicable,
    check: { now, accountNoLength: catalogue.settings?.accountNoLength ?? 10 },
    errors,
    warnings,
    normalized,
  };
  for (const def of applicable) checkOne(run, def);
  // Limits by another field, once both values passed their own checks.
  for (const def of applicable) {
    const reason = dependentMaxReason(def, applicable, normalized);
    if (reason) {
      const msg = labelled(def, reason);
      errors.push(err(`fields.${def.key}`, msg.zh, msg.en));
    }
  }

  checkPapers(run, type);

  // Business rules only make sense on values that passed their own checks.
  if (mode === 'submit' && errors.length === 0) {
    for (const rule of type.rules) {
      const check = RULE_CHECKS[rule.code];
      const reason = check
        ? check(rule.params ?? {}, { fields: normalized, now, calendar: options.calendar })
        : { zh: '未知的规则检查', en: 'Unknown rule check' };
      if (reason)
        errors.push(
          err(
            `rules.${rule.code}`,
            once(rule.description.zh, '：', reason.zh),
            once(rule.description.en, ': ', reason.en),
          ),
        );
    }
  }

  return { errors, warnings, normalized };
}

/**
 * One validation's inputs and what it found so far. The steps below are plain functions of it
 * rather than closures made anew at every call: validation runs on every save and submit.
 */
interface Run {
  input: ApplicationToValidate;
  mode: 'draft' | 'submit';
  /** The definitions that apply to these values. */
  applicable: FieldDef[];
  check: { now: Date; accountNoLength: number };
  errors: FieldError[];
  warnings: FieldError[];
  normalized: FieldValues;
}

/**
 * The certificate an idNumber field's type select names: the default when the select is
 * empty or does not apply, null when it holds something else (the select reports that).
 */
function certificateOf(run: Run, def: FieldDef): CertificateType | null | undefined {
  if (!def.certificateTypeField) return undefined;
  const select = run.applicable.find((d) => d.key === def.certificateTypeField);
  const raw = run.input.fields[def.certificateTypeField];
  if (!select || raw === undefined || isEmptyValue(raw)) return DEFAULT_CERTIFICATE_TYPE;
  const v = typeof raw === 'string' ? raw.trim() : raw;
  const offered = (select.options ?? []).some((o) => o.value === v);
  return offered && isCertificateType(v) ? v : null;
}

function checkOne(run: Run, def: FieldDef): void {
  const value = run.input.fields[def.key];
  const path = `fields.${def.key}`;
  if (value === undefined || isEmptyValue(value)) {
    if (run.mode === 'submit' && def.required) {
      const msg = labelled(def, { zh: '必填', en: 'required' });
      run.errors.push(err(path, msg.zh, msg.en));
    }
    return;
  }
  const certificateType = certificateOf(run, def);
  if (certificateType === null) return;
  const r = checkFieldValue(
    def,
    value,
    certificateType === undefined ? run.check : { ...run.check, certificateType },
  );
  if (r.ok) {
    run.normalized[def.key] = r.value;
    for (const w of r.warnings ?? []) {
      const msg = labelled(def, w);
      run.warnings.push(err(path, msg.zh, msg.en));
    }
  } else {
    const msg = labelled(def, r.reason);
    run.errors.push(err(path, msg.zh, msg.en));
  }
}

function checkPapers(run: Run, type: BusinessType): void {
  const { input, errors } = run;
  const allCodes = new Set(type.papers.map((p) => p.code));
  const seen = new Set<string>();
  for (const entry of input.papers) {
    const path = `papers.${entry.code}`;
    if (!allCodes.has(entry.code)) errors.push(err(path, '未知材料', 'Unknown paper'));
    else if (seen.has(entry.code)) errors.push(err(path, '材料重复登记', 'Paper listed twice'));
    else if (!(PAPER_STATUSES as readonly string[]).includes(entry.status))
      errors.push(err(path, '材料状态无效', 'Invalid paper status'));
    seen.add(entry.code);
  }
  if (run.mode !== 'submit') return;
  const status = new Map(input.papers.map((p) => [p.code, p.status]));
  for (const paper of papersFor(type, input.accountKind, input.fields)) {
    const s = status.get(paper.code);
    const path = `papers.${paper.code}`;
    const name = paper.name;
    if (s === 'received') continue;
    if (s === 'missing_accepted') {
      if (!paper.deferrable)
        errors.push(
          err(
            path,
            `${name.zh}：不可容缺，须收到原件`,
            `${name.en}: cannot be deferred, must be received`,
          ),
        );
      continue;
    }
    if (s === 'missing_blocking' || !paper.optional)
      errors.push(err(path, `${name.zh}：缺少`, `${name.en}: missing`));
  }
}

/**
 * A rule's reason after its description, unless the reason already opens with it (须提前5个
 * 工作日申请 stated by both): the message says the rule once and still names it.
 */
const once = (description: string, joiner: string, reason: string): string =>
  reason.startsWith(description) ? reason : `${description}${joiner}${reason}`;

/** The typed error the services throw: the first problem as the message, all in fieldErrors. */
export function fieldErrorsToApiError(errors: FieldError[]): ApiError {
  const first = errors[0];
  if (!first) return apiError('VALIDATION', '输入有误', 'Invalid input', { fieldErrors: [] });
  return apiError('VALIDATION', first.message, first.messageEn, {
    field: first.field,
    fieldErrors: errors.map((e) => ({ ...e })),
  });
}
