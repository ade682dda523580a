import type { z } from 'zod';
import type { ComplaintTakeInputSchema } from '../../../../shared/api/methods/complaints';
import {
  checkCertificate,
  checkMobile,
  DEFAULT_CERTIFICATE_TYPE,
} from '../../../../shared/validators';
import { invalidField } from './errors';

/**
 * The phone and certificate number of a complaint being taken, checked and normalised so the
 * blind indexes match the customer's other records; a bad value is refused with its field.
 */
export function normalisedContactKeys(
  input: Pick<z.output<typeof ComplaintTakeInputSchema>, 'mobile' | 'idType' | 'idNumber'>,
  now: Date,
): { mobile: string; idNumber: string } {
  const mobile = checkMobile(input.mobile);
  if (!mobile.ok) throw invalidField('mobile', mobile.reason.zh, mobile.reason.en);
  let idNumber = '';
  if (input.idNumber) {
    // Any certificate the counter takes, with its own check (the ID check only for 居民身份证).
    const id = checkCertificate(input.idType ?? DEFAULT_CERTIFICATE_TYPE, input.idNumber, now);
    if (!id.ok) throw invalidField('idNumber', id.reason.zh, id.reason.en);
    idNumber = id.value;
  }
  return { mobile: mobile.value, idNumber };
}
