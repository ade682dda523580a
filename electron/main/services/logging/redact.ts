import {
  maskAddress,
  maskCreditCode,
  maskIdNumber,
  maskMobile,
} from '../../../../shared/domain/mask';

/**
 * Masks what looks like personal data in a log string. Log fields come from code (event names,
 * ids, counts, codes), but an error text or a file name may still carry a value: every string
 * on its way to a log file goes through here. Over-masking (a timestamp that looks like a credit
 * code) is accepted; under-masking is not.
 */

// Boundaries: not inside a longer run of letters or digits (hashes and uuids stay intact).
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const CREDIT_CODE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}(?![0-9A-Za-z])/g;
// Letter-led certificates: 港澳/台湾 permits (H/M + 8 or 10 digits), Chinese passports (E, EA, G,
// D, S, P + 7–8 digits) and the old permanent residence ID (3 letters + 12 digits).
const LETTER_CERTIFICATE =
  /(?<![0-9A-Za-z])(?:[HMhm]\d{8}(?:\d{2})?|[A-Za-z]{3}\d{12}|[EGDPSegdps][A-Za-z]?\d{7,8})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])(?:(?:\+|00)86[ -]?)?1[3-9]\d{9}(?![0-9])/g;
// A run of Chinese text (with digits and house-number signs) that names a street, village or
// house: everything after the district is masked.
const ADDRESS =
  /[\u4e00-\u9fff0-9A-Za-z\-#－]*(?:路|街|巷|弄|道|村|镇|乡|号|栋|幢|单元|室|小区|大厦|苑|组)[\u4e00-\u9fff0-9A-Za-z\-#－]*/gu;
const HAS_CJK = /[\u4e00-\u9fff]/u;
const MAX_STRING = 500;

/** Masks personal data in `text`, clipped to `max` characters (fields are short by design). */
export function redactText(text: string, max: number = MAX_STRING): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped
    .replace(ID_NUMBER, (m) => maskIdNumber(m))
    .replace(LETTER_CERTIFICATE, (m) => maskIdNumber(m))
    .replace(CREDIT_CODE, (m) => (/\d/.test(m) ? maskCreditCode(m) : m))
    .replace(MOBILE, (m) => maskMobile(m))
    .replace(ADDRESS, (m) => (HAS_CJK.test(m) ? maskAddress(m) : m));
}

/** What a log event may carry: ids, counts, codes, durations. No objects, no free text. */
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

/** The fields with every string masked; undefined values dropped. */
export function redactFields(fields: LogFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? redactText(value) : value;
  }
  return out;
}
