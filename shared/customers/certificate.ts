import type { FieldValues } from '../api/schemas';
import { normalizeCode } from '../validators/normalize';
import {
  DEFAULT_CERTIFICATE_TYPE,
  PERSON_CERTIFICATE_TYPES,
  type CertificateType,
} from '../validators/certificates';

/** The certificate a customer is known by: an organisation's credit code, else a person's ID. */
export interface CustomerCertificate {
  type: CertificateType;
  /** Normalised: width folded, spaces and dashes out, upper case (a credit code typed lower). */
  number: string;
  kind: 'person' | 'organisation';
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A person's certificate type from a form value; absent or unknown means 居民身份证. */
export function personCertificateType(raw: unknown): CertificateType {
  const v = str(raw);
  return (PERSON_CERTIFICATE_TYPES as readonly string[]).includes(v)
    ? (v as CertificateType)
    : DEFAULT_CERTIFICATE_TYPE;
}

/**
 * Whose application it is: a business or high-voltage account belongs to the organisation
 * (its credit code; the legal representative's ID is not the customer), a household to the
 * applicant's certificate. Undefined when the application carries neither.
 */
export function certificateOfApplication(
  accountKind: string,
  fields: FieldValues,
): CustomerCertificate | undefined {
  if (accountKind !== 'lv_resident') {
    const code = normalizeCode(str(fields.creditCode));
    return code ? { type: 'credit_code', number: code, kind: 'organisation' } : undefined;
  }
  const id = normalizeCode(str(fields.idNumber));
  return id
    ? { type: personCertificateType(fields.idType), number: id, kind: 'person' }
    : undefined;
}

/**
 * A name as two spellings of it compare: width folded (全角), spaces gone, the middle dots of
 * transcribed names (· • ‧ ・ ･) made one, Latin letters upper-cased. "阿依古丽 · 买买提" and
 * "阿依古丽•买买提" are the same name; the record keeps the latest spelling without calling it
 * a change.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[\u00b7\u2022\u2027\u30fb\uff65\u2219]/gu, '·')
    .toUpperCase();
}
