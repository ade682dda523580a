import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { CallContext } from '../../../../shared/api/dispatcher';
import type { StationConfigState, stationMethods } from '../../../../shared/api/methods/station';
import { apiError } from '../../../../shared/api/errors';
import type { StationConfig } from '../../../../shared/station/config';
import type { AuditRecord } from '../audit/trail';

/** What the services know of the station config and how a supervisor's change is saved. */
export interface StationArea {
  state(): StationConfigState;
  /** Saves a supervisor's change (and restarts the services with it); returns the new state. */
  update(next: Omit<StationConfig, 'version'>): StationConfigState;
}

/** A fixed config (in-process tests, hosts without a file): readable, not changeable. */
export function fixedStationArea(state: StationConfigState): StationArea {
  return {
    state: () => state,
    update: () => {
      throw apiError(
        'UNAVAILABLE',
        '此服务台没有站点配置文件，无法在此修改',
        'This station has no config file to change',
      );
    },
  };
}

export const alreadyConfigured = () =>
  apiError(
    'CONFLICT',
    '站点已完成设置；如需修改，请由值班主管在“站点设置”中修改',
    'The station is already set up; a supervisor changes it under Station settings',
  );

/** The fields whose change the audit trail names (role and station: who this desk is). */
const AUDITED = ['role', 'stationCode', 'hallCode'] as const;

export function createStationHandlers(
  area: StationArea,
  record: (ctx: CallContext, row: Omit<AuditRecord, 'actor' | 'role'>) => void,
): HandlersFor<typeof stationMethods> {
  return {
    'station.config': () => area.state(),
    'station.setup': () => {
      throw alreadyConfigured();
    },
    'station.update': (input, ctx) => {
      const before = area.state().config;
      const after = area.update(input);
      const changed: string[] = AUDITED.filter((key) => before?.[key] !== input[key]);
      record(ctx, {
        action: 'station_config',
        target: input.stationCode,
        detail: {
          changed: changed.join(',') || 'none',
          ...(changed.includes('role') ? { roleFrom: before?.role ?? '', roleTo: input.role } : {}),
          ...(changed.includes('stationCode')
            ? { stationFrom: before?.stationCode ?? '', stationTo: input.stationCode }
            : {}),
        },
      });
      return after;
    },
  };
}
