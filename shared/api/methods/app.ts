import { z } from 'zod';
import { AuthStatusSchema } from '../../auth/schemas';
import { SyncStatusSchema } from '../../sync/sync-api';
import { coreMethods, Empty } from './core';
import { StationConfigStateSchema } from './station';

/**
 * Everything the renderer needs before its first screen, in one round trip (issue 14, cold
 * start): the station config, the caller's session, the station info with the catalogue version
 * in force (the renderer keeps the catalogue cached by version and asks `catalogue.get` only for
 * a new one) and the sync status. Each part is exactly what the part's own method would answer
 * this caller: `sync` is null for a caller who may not call `sync.status` (unsigned, kiosk,
 * display), and before the first-start setup only `station` is filled in.
 */
export const BootstrapSchema = z.object({
  station: StationConfigStateSchema,
  auth: AuthStatusSchema.nullable(),
  system: coreMethods['system.info'].output.nullable(),
  sync: SyncStatusSchema.nullable(),
});
export type Bootstrap = z.infer<typeof BootstrapSchema>;

export const appMethods = {
  'app.bootstrap': { input: Empty, output: BootstrapSchema },
} as const;
