import { StationSetupSchema, type StationKind } from '../../../../shared/station/config';
import { invalidInput } from '../../../../shared/api/input-errors';
import type { StationSetup, StationState } from '../../stores/station';

/** The form's text fields; empty optional fields are left out of what is sent. */
export interface StationForm {
  role: StationKind;
  hallCode: string;
  hallName: string;
  stationCode: string;
  hubUrl: string;
  hubFingerprint: string;
  centralUrl: string;
  enrolmentCode: string;
  receiptQueryUrl: string;
  idReaderUrl: string;
}

export function formFrom(state: StationState | null): StationForm {
  const c = state?.config;
  return {
    role: c?.role ?? 'counter',
    hallCode: c?.hallCode ?? '',
    hallName: c?.hallName ?? '',
    stationCode: c?.stationCode ?? '',
    hubUrl: c?.hubUrl ?? '',
    hubFingerprint: c?.hubFingerprint ?? '',
    centralUrl: c?.centralUrl ?? '',
    enrolmentCode: '',
    receiptQueryUrl: c?.receiptQueryUrl ?? '',
    idReaderUrl: c?.idReaderUrl ?? '',
  };
}

export function inputOf(form: StationForm): StationSetup {
  const optional = (
    key:
      | 'hubUrl'
      | 'hubFingerprint'
      | 'centralUrl'
      | 'enrolmentCode'
      | 'receiptQueryUrl'
      | 'idReaderUrl',
  ) => (form[key].trim() ? { [key]: form[key].trim() } : {});
  return {
    role: form.role,
    hallCode: form.hallCode.trim(),
    hallName: form.hallName.trim(),
    stationCode: form.stationCode.trim(),
    ...optional('hubUrl'),
    ...optional('hubFingerprint'),
    ...optional('centralUrl'),
    ...optional('enrolmentCode'),
    ...optional('receiptQueryUrl'),
    ...optional('idReaderUrl'),
  };
}

/**
 * The same schema the service checks, run in the page so each wizard step can stop on its own
 * wrong fields; returns field → message in the chosen language.
 */
export function fieldErrors(form: StationForm, zh: boolean): Record<string, string> {
  const parsed = StationSetupSchema.safeParse(inputOf(form));
  if (parsed.success) return {};
  const body = invalidInput(parsed.error.issues);
  return Object.fromEntries(
    (body.fieldErrors ?? []).map((f) => [f.field, zh ? f.message : f.messageEn]),
  );
}

export const STEP_FIELDS: Record<'role' | 'place' | 'links', string[]> = {
  role: ['role'],
  place: ['hallCode', 'hallName', 'stationCode', 'receiptQueryUrl'],
  links: ['hubUrl', 'hubFingerprint', 'centralUrl', 'enrolmentCode', 'idReaderUrl'],
};

/** The labels of the fields a development override sets (`centralUrl` → 中心系统地址). */
export function overrideLabels(
  keys: readonly string[],
  t: (key: string) => string,
  te: (key: string) => boolean,
): string[] {
  return keys.map((key) => (te(`station.${key}`) ? t(`station.${key}`) : key));
}
