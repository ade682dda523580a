import type { CallContext, Handlers, HandlersFor } from '../../../shared/api/dispatcher';
import type { appMethods } from '../../../shared/api/methods/app';
import { isAllowed } from '../../../shared/api/permissions';

type Parts = Pick<Handlers, 'station.config' | 'auth.status' | 'system.info' | 'sync.status'>;

/**
 * `app.bootstrap`: the renderer's start-up calls answered as one. Each part comes from the
 * method that answers it alone, and the sync status only for a caller whose role may call
 * `sync.status` (with enforcement off, as in trusted in-process tests, every part).
 */
export function createBootstrapHandlers(
  parts: Parts,
  opts: { enforced: boolean },
): HandlersFor<typeof appMethods> {
  const maySeeSync = (ctx: CallContext) =>
    ctx.role ? isAllowed(ctx.role, 'sync.status') : !opts.enforced;
  return {
    'app.bootstrap': async (_input, ctx) => ({
      station: await parts['station.config']({}, ctx),
      auth: await parts['auth.status']({}, ctx),
      system: await parts['system.info']({}, ctx),
      sync: maySeeSync(ctx) ? await parts['sync.status']({}, ctx) : null,
    }),
  };
}
