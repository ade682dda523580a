import type { CallContext } from '../../../shared/api/dispatcher';
import { CATALOGUE } from '../../../shared/catalogue';
import { REQUEST_CATALOGUES, type RequestShelf } from '../../../shared/catalogue/versions';
import { hallDate } from '../../../shared/hall-time';
import type { Board } from '../../../shared/queue/schemas';
import { createAlertHandlers, createAlertService, pullAlerts, pullOutages } from './alerts';
import type { AuditRecord } from './audit/trail';
import type { CentralConnection } from './central-client';
import type { ServiceCommitments } from './dashboard';
import type { Database } from './db';
import { createRequestHandlers, createRequestService } from './requests';

export interface HallRecordsDeps {
  db: Database;
  now: () => Date;
  hallCode: string;
  stationCode: string;
  commitments: Pick<ServiceCommitments, 'settings' | 'figures'>;
  /** The hall queue's board (waiting counts); throws when the queue cannot be reached. */
  waitingTickets: () => Promise<Board>;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  kickSync(): void;
  /** Central's alerts or planned outages for this hall changed in a pull: tell the screens. */
  onAlertsChanged?: () => void;
  /** The requests catalogue by hall date; default every shipped version. */
  requestCatalogues?: RequestShelf;
}

/**
 * Issue 17 for the composition root: hall alerts (with the hall's signals they are suggested
 * from and the pull of central's alerts and planned outages in the sync cycle) and the requests beside applications.
 */
export function createHallRecords(deps: HallRecordsDeps) {
  const { settings, figures } = deps.commitments;
  const alerts = createAlertService({
    db: deps.db,
    now: deps.now,
    hallCode: deps.hallCode,
    stationCode: deps.stationCode,
    thresholds: { get: settings.alertThresholds, set: settings.setAlertThresholds },
    signals: {
      async waitingTickets() {
        try {
          const board = await deps.waitingTickets();
          return board.services.reduce((n, s) => n + s.waiting, 0);
        } catch {
          // The queue is unreachable (or not configured): the suggestion says the count is unknown.
          return null;
        }
      },
      repeatContactsToday() {
        const today = hallDate(deps.now());
        return figures.get(today, today).complaints.repeatRed;
      },
      overdueApplications: () => figures.overdue(1).total,
    },
  });
  const requests = createRequestService({
    db: deps.db,
    catalogues: deps.requestCatalogues ?? REQUEST_CATALOGUES,
    accountNoLength: CATALOGUE.settings?.accountNoLength ?? 10,
    hallCode: deps.hallCode,
    stationCode: deps.stationCode,
    now: deps.now,
  });
  const audit = { record: deps.record, kickSync: deps.kickSync };
  const lastPulled = { seen: '' };
  const lastOutages = { seen: '' };
  return {
    alerts,
    requests,
    afterPull: async (central: CentralConnection): Promise<void> => {
      if (await pullAlerts(central, alerts, lastPulled)) deps.onAlertsChanged?.();
      // After the alerts, so an outage feed central cannot answer leaves them pulled.
      if (await pullOutages(central, alerts, lastOutages)) deps.onAlertsChanged?.();
    },
    handlers: {
      ...createAlertHandlers({ alerts, ...audit }),
      ...createRequestHandlers({ requests, ...audit }),
    },
  };
}

export type HallRecords = ReturnType<typeof createHallRecords>;
