import { t, type LocalizedText } from '../text';
import type { Check } from './check';
import { checkCreditCode } from './credit-code';
import { checkIdNumber } from './id-number';
import { normalizeCode } from './normalize';
import {
  checkForeignPermanentId,
  checkHkMacaoPermit,
  checkPassport,
  checkResidencePermit,
  checkTaiwanPermit,
} from './permits';

/**
 * The certificates a person may identify with at the counter, each with its own check; the
 * resident ID's GB 11643 check applies only to 居民身份证. The first is the default: an
 * application stored before certificate types existed holds a resident ID.
 */
export const PERSON_CERTIFICATE_TYPES = [
  'resident_id',
  'residence_permit',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_id',
  'passport',
] as const;
export type PersonCertificateType = (typeof PERSON_CERTIFICATE_TYPES)[number];

/** An organisation's certificate: its unified social credit code (business licence). */
export const CERTIFICATE_TYPES = [...PERSON_CERTIFICATE_TYPES, 'credit_code'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export const DEFAULT_CERTIFICATE_TYPE: PersonCertificateType = 'resident_id';

export const CERTIFICATE_LABELS: Readonly<Record<CertificateType, LocalizedText>> = {
  resident_id: t('居民身份证', 'Resident ID card'),
  residence_permit: t('港澳台居民居住证', 'HK/Macao/Taiwan residence permit'),
  hk_macao_permit: t('港澳居民来往内地通行证', 'Home-return permit (HK/Macao)'),
  taiwan_permit: t('台湾居民来往大陆通行证', 'Taiwan compatriot permit'),
  foreign_permanent_id: t('外国人永久居留身份证', "Foreigner's permanent residence ID"),
  passport: t('护照', 'Passport'),
  credit_code: t('统一社会信用代码（营业执照）', 'Unified social credit code (licence)'),
};

const CHECKS: Readonly<Record<CertificateType, (raw: string, today: Date) => Check<string>>> = {
  resident_id: checkIdNumber,
  residence_permit: checkResidencePermit,
  hk_macao_permit: checkHkMacaoPermit,
  taiwan_permit: checkTaiwanPermit,
  foreign_permanent_id: checkForeignPermanentId,
  passport: checkPassport,
  credit_code: checkCreditCode,
};

export const isCertificateType = (v: unknown): v is CertificateType =>
  typeof v === 'string' && (CERTIFICATE_TYPES as readonly string[]).includes(v);

/** Checks a certificate number by its type; the value comes back normalized (upper case, compact). */
export const checkCertificate = (
  type: CertificateType,
  raw: string,
  today: Date = new Date(),
): Check<string> => CHECKS[type](raw, today);

/**
 * A search query that is the whole number of some person's certificate, in the normal form its
 * blind index was made from (width folded, spaces and dashes out, upper case); null otherwise.
 * Every certificate type is stored under the same index, so one look-up serves them all.
 */
export function wholeCertificateNumber(raw: string, today: Date = new Date()): string | null {
  const code = normalizeCode(raw);
  if (code === '') return null;
  if (!/^[A-Z]/.test(code) && !DIGIT_ONLY_WHOLE.test(code)) return null;
  return PERSON_CERTIFICATE_TYPES.some((type) => CHECKS[type](code, today).ok) ? code : null;
}

/**
 * The numbers with no letter first that are whole certificates: 台湾居民来往大陆通行证 (8 or 10
 * digits), a digits-only foreign passport (5 to 10: ICAO 9303 allows 5 and more, e.g. 9) and the
 * 18-character numbers (居民身份证, 港澳台居民居住证, the 2023 外国人永久居留身份证). A run of 5 to
 * 7 digits may also be the start of a longer number, but the search only ever compares it whole
 * through the blind index, so it finds a 5–7 digit passport and never a longer number it begins;
 * the guard counts it as a whole ID-number search (audited, rate-limited, refused to guides).
 * Shorter runs, or digits with a letter inside, are pieces and never looked up: the search guard
 * (protected-search) and the search itself agree on this one definition.
 */
const DIGIT_ONLY_WHOLE = /^(?:\d{5,10}|\d{17}[\dX])$/;
