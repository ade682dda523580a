export { createAlertService, type AlertService, type AlertSignalSources } from './service';
export { createAlertHandlers } from './handlers';
export { pullAlerts, pullOutages } from './pull';
