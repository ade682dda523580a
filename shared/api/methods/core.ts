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

/**
 * The station's software update (Electron's electron-updater; `off` in the web host or without an
 * update address). `ready` = downloaded, installed when the app next quits: never mid-transaction.
 */
export const UpdateStatusSchema = z.object({
  state: z.enum(['off', 'idle', 'checking', 'downloading', 'ready', 'error']),
  version: z.string().optional(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

/** Station info, the business catalogue and counter intake (issue: counter intake). */
export const coreMethods = {
  'system.info': {
    input: Empty,
    output: z.object({
      appVersion: z.string(),
      hallName: z.string(),
      stationCode: z.string(),
      transport: z.enum(['ipc', 'http']),
      /** The catalogue version in force now (hall date). */
      catalogueVersion: z.string(),
      /**
       * The hall date ('YYYY-MM-DD') the next shipped version takes over, null when none is
       * scheduled: the screens switch then without a restart.
       */
      catalogueChangesOn: z.string().nullable(),
      /** The build: git commit and build time, or `development` when run from sources. */
      build: z.string(),
      /** The station config file in force, null while the station runs on defaults. */
      configPath: z.string().nullable(),
      update: UpdateStatusSchema,
    }),
  },
  /** The catalogue in force now, or a named version (an application accepted under it). */
  'catalogue.get': {
    input: z.object({ version: z.string().trim().min(1).max(32).optional() }).strict(),
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
