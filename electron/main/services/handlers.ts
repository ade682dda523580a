import type { HandlersFor } from '../../../shared/api/dispatcher';
import type { coreMethods, UpdateStatus } from '../../../shared/api/methods/core';
import type { Catalogue } from '../../../shared/catalogue/types';
import type { ApplicationService } from './applications/service';

export interface HandlerDeps {
  applications: ApplicationService;
  catalogue: Catalogue;
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
  const { applications } = deps;
  return {
    'system.info': () => ({
      ...deps.info,
      catalogueVersion: deps.catalogue.version,
      update: deps.updateStatus(),
    }),
    'catalogue.get': () => deps.catalogue,
    'applications.saveDraft': (input, ctx) => applications.saveDraft(input, ctx.actor),
    'applications.submit': (input, ctx) => applications.submit(input, ctx.actor),
    'applications.list': (input) => applications.list(input),
    'applications.get': (input) => applications.get(input.id),
    'applications.openDraft': (input, ctx) => applications.openDraft(input.id, ctx),
    'applications.receipt': (input) => applications.receipt(input.id),
  };
}
