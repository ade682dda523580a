import { AlertsPageSchema } from '../../../../shared/sync/hall-record-payloads';
import { OutagesPageSchema } from '../../../../shared/sync/outage-payloads';
import type { CentralConnection } from '../central-client';
import type { AlertService } from './service';

/** Remembers what a pull answered; true when it is not what the last pull answered. */
function differsFromLast(last: { seen: string }, answer: unknown): boolean {
  const seen = JSON.stringify(answer);
  const changed = seen !== last.seen;
  last.seen = seen;
  return changed;
}

/** Pulls central's alerts for this hall into the local store; true when they differ from last time. */
export async function pullAlerts(
  central: CentralConnection,
  alerts: AlertService,
  last: { seen: string },
): Promise<boolean> {
  const page = await central.session.authed((token) =>
    central.http.request({ method: 'GET', path: '/v1/alerts', token }, AlertsPageSchema),
  );
  alerts.mirror(page.alerts);
  return differsFromLast(last, page.alerts);
}

/**
 * Pulls central's planned outages for the hall's area (central answers the whole set, and
 * only the area of this device's hall); true when they differ from last time.
 */
export async function pullOutages(
  central: CentralConnection,
  alerts: AlertService,
  last: { seen: string },
): Promise<boolean> {
  const page = await central.session.authed((token) =>
    central.http.request({ method: 'GET', path: '/v1/outages', token }, OutagesPageSchema),
  );
  alerts.mirrorOutages(page.outages);
  return differsFromLast(last, page.outages);
}
