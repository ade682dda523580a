import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import { createComplaintHandlers, createComplaintService } from '../complaints';
import type { Database } from '../db';
import { createSettingsService } from '../settings/service';
import { createExporter, type QueueMeasures } from './exports';
import { createDashboardFigures } from './figures';
import { createDashboardHandlers } from './handlers';
import { createServiceInfo } from './service-info';

/**
 * Issue 5 in one piece for the composition root: settings (deadline policy), complaints and
 * repeat contacts, the supervisor's figures and exports, with the handlers of both tables.
 */
export function createServiceCommitments(deps: {
  db: Database;
  /** Type names and limits: an application's own version, else the one in force. */
  catalogues: CatalogueShelf;
  now: () => Date;
  queueMeasures?: (from: string, to: string) => Promise<QueueMeasures>;
}) {
  const { db, now, catalogues } = deps;
  const settings = createSettingsService({ db, now });
  const complaints = createComplaintService({ db, settings, now });
  const figures = createDashboardFigures({ db, settings, now });
  const exporter = createExporter({
    db,
    catalogues,
    figures,
    complaints,
    now,
    ...(deps.queueMeasures ? { queueMeasures: deps.queueMeasures } : {}),
  });
  const serviceInfo = createServiceInfo({ db, catalogues, settings, complaints, now });
  return {
    settings,
    complaints,
    figures,
    exporter,
    handlers: {
      ...createComplaintHandlers({ complaints }),
      ...createDashboardHandlers({ settings, figures, exporter, serviceInfo }),
    },
  };
}

export type ServiceCommitments = ReturnType<typeof createServiceCommitments>;
