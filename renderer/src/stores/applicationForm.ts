import { defineStore } from 'pinia';
import { v7 as uuidv7 } from 'uuid';
import { computed, reactive, ref } from 'vue';
import type {
  ApplicationDetail,
  ApplicationInput,
  FieldValue,
  FieldValues,
} from '../../../shared/api/schemas';
import { deadlineFor, fieldsFor, papersFor } from '../../../shared/catalogue/applicability';
import type { AccountKind, FieldDef, PaperDef } from '../../../shared/catalogue/types';
import { ClientError, call } from '../api/client';
import { checkForm, checkFormWarnings, serverErrorMap, type ErrorMap } from '../forms/validation';
import { cleanFields, defaultStatus, paperEntries, type ChecklistStatus } from '../forms/values';
import { useCatalogueStore } from './catalogue';

/**
 * The application being taken at the counter. Errors shown: local checks (draft rules as the
 * clerk types, full submit rules once a submit was tried) and the service's own field errors,
 * each cleared as soon as its field is edited again.
 */
export const useApplicationFormStore = defineStore('applicationForm', () => {
  const catalogue = useCatalogueStore();

  /** The stored application's id once saved; undefined while the form is new. */
  const id = ref<string | undefined>();
  /**
   * Made when the form opens and sent with every save and submit until the form is reset: a
   * request retried after a lost answer carries the same id, so the service answers it with
   * the first result instead of filing the application twice.
   */
  const clientId = ref(uuidv7());
  const appNo = ref('');
  const baseVersion = ref<number | undefined>();
  const typeCode = ref('');
  const accountKind = ref<AccountKind | ''>('');
  const fields = reactive<FieldValues>({});
  const papers = reactive<Record<string, ChecklistStatus>>({});
  const touched = reactive(new Set<string>());
  const submitTried = ref(false);
  const serverErrors = ref<ErrorMap>({});
  const busy = ref<'save' | 'submit' | 'load' | null>(null);
  const dirty = ref(false);

  const type = computed(() => catalogue.findType(typeCode.value));
  const allowedKinds = computed<AccountKind[]>(() => type.value?.accountKinds ?? []);
  const kind = computed<AccountKind | undefined>(() =>
    accountKind.value && allowedKinds.value.includes(accountKind.value)
      ? accountKind.value
      : undefined,
  );

  /** The inputs shown right now: this account kind's fields whose conditions hold. */
  const visibleFields = computed<FieldDef[]>(() =>
    type.value && kind.value ? fieldsFor(type.value, kind.value, fields) : [],
  );
  /** The checklist right now (agent papers only when an agent applies, and so on). */
  const visiblePapers = computed<PaperDef[]>(() =>
    type.value && kind.value ? papersFor(type.value, kind.value, fields) : [],
  );
  const deadline = computed(() => (type.value ? deadlineFor(type.value, fields) : undefined));

  function input(): ApplicationInput {
    return {
      id: id.value ?? clientId.value,
      ...(baseVersion.value !== undefined ? { baseVersion: baseVersion.value } : {}),
      typeCode: typeCode.value,
      accountKind: (kind.value ?? accountKind.value) as AccountKind,
      fields: cleanFields(visibleFields.value, fields),
      papers: paperEntries(visiblePapers.value, papers),
    };
  }

  const localErrors = computed<ErrorMap>(() => {
    if (!type.value || !kind.value) return {};
    const mode = submitTried.value ? 'submit' : 'draft';
    const all = checkForm(catalogue.catalogue, input(), mode);
    if (submitTried.value) return all;
    // While typing, only speak about fields the clerk has already been in.
    return Object.fromEntries(Object.entries(all).filter(([key]) => touched.has(key)));
  });

  /** Non-blocking notes on values already typed (fields the clerk has been in). */
  const warnings = computed<ErrorMap>(() => {
    if (!type.value || !kind.value) return {};
    const all = checkFormWarnings(catalogue.catalogue, input());
    return Object.fromEntries(
      Object.entries(all).filter(([key]) => submitTried.value || touched.has(key)),
    );
  });

  /** Keyed by path; the service's answer wins over the local check for the same path. */
  const errors = computed<ErrorMap>(() => ({ ...localErrors.value, ...serverErrors.value }));

  function clearServerError(key: string) {
    if (key in serverErrors.value) {
      const next = { ...serverErrors.value };
      delete next[key];
      serverErrors.value = next;
    }
  }

  function initPapers() {
    for (const key of Object.keys(papers)) delete papers[key];
    for (const paper of type.value?.papers ?? []) papers[paper.code] = defaultStatus(paper);
  }

  function selectType(code: string) {
    typeCode.value = code;
    const t = type.value;
    if (!t) return;
    if (!accountKind.value || !t.accountKinds.includes(accountKind.value)) {
      accountKind.value = t.accountKinds.length === 1 ? (t.accountKinds[0] ?? '') : '';
    }
    // Values of fields the new type also has are kept: picking the wrong type costs nothing.
    const keep = new Set(t.fields.map((f) => f.key));
    for (const key of Object.keys(fields)) if (!keep.has(key)) delete fields[key];
    // Catalogue defaults (本人办理) fill only what the clerk has not chosen yet.
    for (const def of t.fields) {
      if (def.defaultValue !== undefined && fields[def.key] === undefined) {
        fields[def.key] = def.defaultValue;
      }
    }
    initPapers();
    submitTried.value = false;
    serverErrors.value = {};
    dirty.value = true;
  }

  function setAccountKind(value: AccountKind) {
    accountKind.value = value;
    touched.add('accountKind');
    clearServerError('accountKind');
    dirty.value = true;
  }

  function setField(key: string, value: FieldValue | undefined) {
    if (value === undefined) delete fields[key];
    else fields[key] = value;
    touched.add(`fields.${key}`);
    clearServerError(`fields.${key}`);
    dirty.value = true;
  }

  function setPaper(code: string, status: ChecklistStatus) {
    papers[code] = status;
    touched.add(`papers.${code}`);
    clearServerError(`papers.${code}`);
    dirty.value = true;
  }

  function reset() {
    id.value = undefined;
    clientId.value = uuidv7();
    appNo.value = '';
    baseVersion.value = undefined;
    typeCode.value = '';
    accountKind.value = '';
    for (const key of Object.keys(fields)) delete fields[key];
    for (const key of Object.keys(papers)) delete papers[key];
    touched.clear();
    submitTried.value = false;
    serverErrors.value = {};
    dirty.value = false;
  }

  function adopt(detail: ApplicationDetail) {
    id.value = detail.id;
    appNo.value = detail.appNo;
    baseVersion.value = detail.version;
  }

  function absorb(err: unknown): never {
    if (err instanceof ClientError) serverErrors.value = serverErrorMap(err.body);
    throw err;
  }

  async function saveDraft(): Promise<ApplicationDetail> {
    busy.value = 'save';
    try {
      const detail = await call('applications.saveDraft', input());
      adopt(detail);
      // Checked under the version in force at the services: the form follows it.
      void catalogue.useVersion(detail.catalogueVersion);
      serverErrors.value = {};
      dirty.value = false;
      return detail;
    } catch (err) {
      return absorb(err);
    } finally {
      busy.value = null;
    }
  }

  /** Resolves with the accepted application, or null when the local checks stop it. */
  async function submit(): Promise<ApplicationDetail | null> {
    submitTried.value = true;
    if (!kind.value) touched.add('accountKind');
    if (!kind.value || Object.keys(localErrors.value).length > 0) return null;
    busy.value = 'submit';
    try {
      const detail = await call('applications.submit', input());
      adopt(detail);
      // Checked under the version in force at the services: the form follows it.
      void catalogue.useVersion(detail.catalogueVersion);
      dirty.value = false;
      return detail;
    } catch (err) {
      return absorb(err);
    } finally {
      busy.value = null;
    }
  }

  async function openDraft(draftId: string): Promise<void> {
    busy.value = 'load';
    try {
      const detail = await call('applications.openDraft', { id: draftId });
      reset();
      adopt(detail);
      typeCode.value = detail.typeCode;
      accountKind.value = detail.accountKind as AccountKind;
      Object.assign(fields, detail.fields);
      initPapers();
      // Optional papers absent from a saved draft were "not needed" when it was saved.
      for (const p of detail.papers) papers[p.code] = p.status;
      dirty.value = false;
    } finally {
      busy.value = null;
    }
  }

  return {
    id,
    clientId,
    appNo,
    typeCode,
    accountKind,
    fields,
    papers,
    submitTried,
    serverErrors,
    busy,
    dirty,
    type,
    kind,
    allowedKinds,
    visibleFields,
    visiblePapers,
    deadline,
    errors,
    warnings,
    input,
    selectType,
    setAccountKind,
    setField,
    setPaper,
    reset,
    saveDraft,
    submit,
    openDraft,
  };
});
