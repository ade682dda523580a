import { createDispatcher, type Dispatch, type Handlers } from '../../../../shared/api/dispatcher';
import { apiError } from '../../../../shared/api/errors';
import { METHOD_NAMES } from '../../../../shared/api/contract';
import type { StationConfigState } from '../../../../shared/api/methods/station';
import {
  publicConfig,
  STATION_CONFIG_VERSION,
  type StationConfig,
} from '../../../../shared/station/config';
import type { Services } from '../createServices';
import { writeStationConfig } from './config-file';
import { alreadyConfigured, type StationArea } from './handlers';

export type StationOverrides = Partial<Omit<StationConfig, 'version'>>;

/** What a host knows at start: the file, what it holds, and development overrides. */
export interface StationRuntimeOptions {
  /** The station config file: read at start, written by setup and by a supervisor's change. */
  file: string;
  /** The file's config; null when there is no file yet (first start). */
  fileConfig: StationConfig | null;
  /** Development environment variables and flags: they win over the file. */
  overrides?: StationOverrides;
  /** Builds the services for a config (the host's createServices call). */
  start(config: StationConfig, station: StationHooks): Services;
  /** After setup or a change was saved; default: the services restart in place with it. */
  onSaved?: (config: StationConfig) => void;
  log?: (line: string) => void;
}

/** Handed to the services: the station area and the enrolment hook. */
export interface StationHooks {
  area: StationArea;
  /** The central system accepted the enrolment code: it leaves the file. */
  enrolmentUsed(): void;
}

export interface StationRuntime {
  dispatch: Dispatch;
  /** The running services (null until the station is set up). */
  services(): Services | null;
  close(): Promise<void>;
}

/** Development without a file: flags and environment alone make a configured station. */
const DEVELOPMENT_DEFAULTS: StationConfig = {
  version: STATION_CONFIG_VERSION,
  role: 'counter',
  hallCode: 'HALL01',
  hallName: '示范供电营业厅',
  stationCode: 'C01',
};

const notSetUp = () =>
  apiError(
    'UNAVAILABLE',
    '此服务台尚未完成首次设置，请先完成站点设置',
    'This station is not set up yet; finish the station setup first',
  );

/**
 * The station's life around its config: before the first setup only `station.config` and
 * `station.setup` answer; setup writes the file and starts the services; a supervisor's change
 * (station.update, through the services' role checks) saves the file and restarts them.
 */
export function createStationRuntime(opts: StationRuntimeOptions): StationRuntime {
  const log = opts.log ?? (() => undefined);
  const overrides = opts.overrides ?? {};
  const overridden = Object.keys(overrides).filter(
    (k) => overrides[k as keyof StationOverrides] !== undefined,
  );
  let saved: StationConfig | null = opts.fileConfig;
  let hasFile = opts.fileConfig !== null;
  let running: Services | null = null;
  let switching: Promise<void> | null = null;

  const effective = (): StationConfig | null =>
    saved
      ? { ...saved, ...overrides }
      : overridden.length > 0
        ? { ...DEVELOPMENT_DEFAULTS, ...overrides }
        : null;

  const state = (): StationConfigState => {
    const config = effective();
    return {
      configured: config !== null,
      config: config ? publicConfig(config) : null,
      path: hasFile ? opts.file : null,
      overrides: overridden,
    };
  };

  const save = (config: StationConfig) => {
    writeStationConfig(opts.file, config);
    saved = config;
    hasFile = true;
    log(`station: config saved to ${opts.file} (${config.role} ${config.stationCode})`);
  };

  const hooks: StationHooks = {
    area: {
      state,
      update: (next) => {
        // An absent enrolment code keeps one still waiting to be used.
        const code = next.enrolmentCode ?? saved?.enrolmentCode;
        save({
          ...next,
          version: STATION_CONFIG_VERSION,
          ...(code ? { enrolmentCode: code } : {}),
        });
        afterSave();
        return state();
      },
    },
    enrolmentUsed: () => {
      if (!saved?.enrolmentCode) return;
      const { enrolmentCode: _used, ...rest } = saved;
      save(rest);
    },
  };

  const start = () => {
    const config = effective();
    running = config ? opts.start(config, hooks) : null;
  };

  /** Restart after the answer has gone out; calls meanwhile wait for the new services. */
  function afterSave(): void {
    const config = effective()!;
    if (opts.onSaved) return opts.onSaved(config);
    const old = running;
    running = null;
    switching = new Promise<void>((resolve) => {
      setTimeout(() => {
        void (old?.close() ?? Promise.resolve()).then(start).finally(() => {
          switching = null;
          resolve();
        });
      }, 0);
    });
  }

  const setupHandlers = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      () => {
        throw notSetUp();
      },
    ]),
  ) as unknown as Handlers;
  setupHandlers['station.config'] = () => state();
  // Start-up before setup: the renderer learns the wizard is due from its one call.
  setupHandlers['app.bootstrap'] = () => ({
    station: state(),
    auth: null,
    system: null,
    sync: null,
  });
  setupHandlers['station.setup'] = (input) => {
    if (saved) throw alreadyConfigured();
    save({ ...input, version: STATION_CONFIG_VERSION });
    if (opts.onSaved) opts.onSaved(effective()!);
    else start();
    return state();
  };
  const setupDispatch = createDispatcher(setupHandlers);

  start();
  return {
    dispatch: async (method, input, ctx) => {
      if (switching) await switching;
      return running ? running.dispatch(method, input, ctx) : setupDispatch(method, input, ctx);
    },
    services: () => running,
    close: async () => {
      if (switching) await switching;
      await running?.close();
      running = null;
    },
  };
}
