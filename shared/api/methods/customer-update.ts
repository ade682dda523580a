import { z } from 'zod';
import { freeText, nameText } from '../clean-text';
import { IsoTimeSchema } from '../schemas';

/**
 * 客户信息更新 (issue 17): the counter changes a customer's contact details through the
 * record. Only the fields given change; the old values stay in the record's history.
 */
export const CustomerUpdateInputSchema = z
  .object({
    customerId: z.uuid(),
    mobile: z.string().trim().max(24).optional(),
    address: freeText().trim().max(200).optional(),
    contactPerson: nameText().trim().max(60).optional(),
  })
  .strict();

export const CUSTOMER_UPDATE_FIELDS = ['mobile', 'address', 'contactPerson'] as const;

export const customerUpdateMethods = {
  'customers.updateContact': {
    input: CustomerUpdateInputSchema,
    output: z.object({
      customerId: z.uuid(),
      /** The fields that changed (never their values). */
      changed: z.array(z.enum(CUSTOMER_UPDATE_FIELDS)),
      at: IsoTimeSchema,
    }),
  },
} as const;
