import type { z } from 'zod';
import type { ComplaintTakeInputSchema } from '../../../../shared/api/methods/complaints';
import { CATALOGUE } from '../../../../shared/catalogue';
import { fieldErrorsToApiError } from '../../../../shared/catalogue/validate';
import { checkComplaintTake } from '../../../../shared/service-rules/complaint-take-check';

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
  const checked = checkComplaintTake(input, { now, accountNoLength: ACCOUNT_NO_LENGTH });
  if (checked.problems.length > 0)
    throw fieldErrorsToApiError(
      checked.problems.map((p) => ({
        field: p.field,
        message: p.reason.zh,
        messageEn: p.reason.en,
      })),
    );
  return { mobile: checked.mobile, idNumber: checked.idNumber };
}
