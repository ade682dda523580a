import type { CallContext, HandlersFor } from '../../../../shared/api/dispatcher';
import type { alertMethods } from '../../../../shared/api/methods/alerts';
import type { AuditRecord } from '../audit/trail';
import type { AlertService } from './service';

export interface AlertHandlerDeps {
  alerts: AlertService;
  record(ctx: CallContext, record: Omit<AuditRecord, 'actor' | 'role'>): void;
  /** New alerts and ends go to central at once, for the hall's other stations. */
  kickSync(): void;
}

/** Hall alerts behind the contract; every change leaves an audit row and goes out at once. */
export function createAlertHandlers(deps: AlertHandlerDeps): HandlersFor<typeof alertMethods> {
  const { alerts, record, kickSync } = deps;
  return {
    'alerts.current': () => ({ alerts: alerts.current() }),
    'alerts.notices': () => ({ notices: alerts.notices() }),
    'alerts.raise': (input, ctx) => {
      const raised = alerts.raise(input, ctx.actor);
      record(ctx, {
        action: 'alert_raise',
        target: raised.id,
        detail: { level: raised.level, endsAt: raised.endsAt },
      });
      kickSync();
      return raised;
    },
    'alerts.end': (input, ctx) => {
      const out = alerts.end(input.id, ctx.actor);
      record(ctx, { action: 'alert_end', target: input.id });
      kickSync();
      return out;
    },
    'alerts.suggest': () => alerts.suggest(),
    'alerts.setThresholds': async (input, ctx) => {
      const out = await alerts.setThresholds(input, ctx.actor);
      record(ctx, { action: 'alert_thresholds', target: 'alertThresholds' });
      return out;
    },
  };
}
