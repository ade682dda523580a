import { AlertsPageSchema } from '../../../../shared/sync/hall-record-payloads';
import type { CentralConnection } from '../central-client';
import type { AlertService } from './service';

/** The hall's alerts from central (its area alerts, the other stations' alerts and ends). */
export async function pullAlerts(central: CentralConnection, alerts: AlertService): Promise<void> {
  const page = await central.session.authed((token) =>
    central.http.request({ method: 'GET', path: '/v1/alerts', token }, AlertsPageSchema),
  );
  alerts.mirror(page.alerts);
}
