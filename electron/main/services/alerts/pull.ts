import { AlertsPageSchema } from '../../../../shared/sync/hall-record-payloads';
import type { CentralConnection } from '../central-client';
import type { AlertService } from './service';

/** The hall's alerts from central (its area alerts, the other stations' alerts and ends). */
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
  const seen = JSON.stringify(page.alerts);
  const changed = seen !== last.seen;
  last.seen = seen;
  return changed;
}
