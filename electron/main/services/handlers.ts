import type { HandlersFor } from '../../../shared/api/dispatcher';
import type { coreMethods, UpdateStatus } from '../../../shared/api/methods/core';
import type { CatalogueShelf } from '../../../shared/catalogue/versions';
import { hallDate } from '../../../shared/hall-time';
import { catalogueNotShipped } from './applications/errors';
import type { ApplicationService } from './applications/service';

export interface HandlerDeps {
  applications: ApplicationService;
  /** The shipped versions; the one in force is chosen by the hall date at each call. */
  catalogues: CatalogueShelf;
  now: () => Date;
  info: {
    appVersion: string;
    hallName: string;
    stationCode: string;
    transport: 'ipc' | 'http';
    build: string;
    configPath: string | null;
  };
  /** Read on every call: the Electron shell's updater changes it while the app runs. */
  updateStatus: () => UpdateStatus;
}

/**
 * One handler per method of shared/api/contract.ts. Inputs arrive parsed by the dispatcher;
 * the acting clerk comes from the binding's context, never from the payload.
 */
export function createHandlers(deps: HandlerDeps): HandlersFor<typeof coreMethods> {
  const { applications, catalogues } = deps;
  return {
    'system.info': () => {
      const now = deps.now();
      const next = catalogues.next(now);
      return {
        ...deps.info,
        catalogueVersion: catalogues.inForce(now).version,
        catalogueChangesOn: next && next.effectiveFrom > hallDate(now) ? next.effectiveFrom : null,
        update: deps.updateStatus(),
      };
    },
    'catalogue.get': (input) => {
      if (input.version === undefined) return catalogues.inForce(deps.now());
      const found = catalogues.byVersion(input.version);
      if (!found) throw catalogueNotShipped();
      return found;
    },
    'applications.saveDraft': (input, ctx) => applications.saveDraft(input, ctx.actor),
    'applications.submit': (input, ctx) => applications.submit(input, ctx.actor),
    'applications.list': (input) => applications.list(input),
    'applications.get': (input) => applications.get(input.id),
    'applications.openDraft': (input, ctx) => applications.openDraft(input.id, ctx),
    'applications.receipt': (input) => applications.receipt(input.id),
  };
}
