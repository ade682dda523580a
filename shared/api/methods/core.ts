import { z } from 'zod';
import type { Catalogue } from '../../catalogue/types';
import {
  ApplicationDetailSchema,
  ApplicationInputSchema,
  IdInputSchema,
  ListQuerySchema,
  ListResultSchema,
  ReceiptSchema,
} from '../schemas';

export const Empty = z.object({}).strict();

/** Station info, the business catalogue and counter intake (issue: counter intake). */
export const coreMethods = {
  'system.info': {
    input: Empty,
    output: z.object({
      appVersion: z.string(),
      hallName: z.string(),
      stationCode: z.string(),
      transport: z.enum(['ipc', 'http']),
      catalogueVersion: z.string(),
    }),
  },
  'catalogue.get': {
    input: Empty,
    output: z.custom<Catalogue>((v) => typeof v === 'object' && v !== null && 'types' in v),
  },
  'applications.saveDraft': { input: ApplicationInputSchema, output: ApplicationDetailSchema },
  'applications.submit': { input: ApplicationInputSchema, output: ApplicationDetailSchema },
  'applications.list': { input: ListQuerySchema, output: ListResultSchema },
  'applications.get': { input: IdInputSchema, output: ApplicationDetailSchema },
  /** Full field values of a draft, for editing it again at the counter. */
  'applications.openDraft': { input: IdInputSchema, output: ApplicationDetailSchema },
  'applications.receipt': { input: IdInputSchema, output: ReceiptSchema },
} as const;
