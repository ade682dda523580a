import type { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import type { ComplaintTakeInputSchema } from '../../../../shared/api/methods/complaints';
import { CATALOGUE } from '../../../../shared/catalogue';
import { complaintTakeProblems } from '../../../../shared/service-rules/complaint-take-check';
import {
  checkCertificate,
  checkMobile,
  DEFAULT_CERTIFICATE_TYPE,
} from '../../../../shared/validators';

type TakeInput = Pick<
  z.output<typeof ComplaintTakeInputSchema>,
  'customerName' | 'mobile' | 'idType' | 'idNumber' | 'accountNo' | 'content'
>;

/** The hall's account-number length, as the application form checks it. */
const ACCOUNT_NO_LENGTH = CATALOGUE.settings?.accountNoLength ?? 10;

/**
 * The phone and certificate number of a complaint being taken, checked and normalised so the
 * blind indexes match the customer's other records. Every bad field (the form's own check,
 * complaint-take-check.ts, including the account number's length) is refused at once.
 */
export function normalisedContactKeys(
  input: TakeInput,
  now: Date,
): { mobile: string; idNumber: string } {
  const problems = complaintTakeProblems(input, { now, accountNoLength: ACCOUNT_NO_LENGTH });
  const [first] = problems;
  if (first)
    throw apiError('VALIDATION', first.reason.zh, first.reason.en, {
      field: first.field,
      fieldErrors: problems.map((p) => ({
        field: p.field,
        message: p.reason.zh,
        messageEn: p.reason.en,
      })),
    });
  const mobile = checkMobile(input.mobile);
  const id = input.idNumber
    ? checkCertificate(input.idType ?? DEFAULT_CERTIFICATE_TYPE, input.idNumber, now)
    : null;
  return { mobile: mobile.ok ? mobile.value : '', idNumber: id?.ok ? id.value : '' };
}
