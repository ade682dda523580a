import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { dashboardMethods } from '../../../../shared/api/methods/dashboard';
import type { SettingsService } from '../settings/service';
import type { createExporter } from './exports';
import type { DashboardFigures } from './figures';
import type { createServiceInfo } from './service-info';

export function createDashboardHandlers(deps: {
  settings: SettingsService;
  figures: DashboardFigures;
  exporter: ReturnType<typeof createExporter>;
  serviceInfo: ReturnType<typeof createServiceInfo>;
}): HandlersFor<typeof dashboardMethods> {
  const { settings, figures, exporter } = deps;
  return {
    'settings.get': () => settings.view(),
    'settings.setWarnings': (input, ctx) => settings.setWarnings(input, ctx.actor),
    'settings.loadCalendarYear': (input, ctx) => settings.loadCalendarYear(input, ctx.actor),
    'settings.saveRuleSet': (input, ctx) => settings.saveRuleSet(input, ctx.actor),
    'dashboard.get': (input) => figures.get(input.from, input.to),
    'reports.export': (input, ctx) => exporter.exportReport(input, ctx.actor),
    'applications.serviceInfo': (input) => deps.serviceInfo(input.id),
  };
}
