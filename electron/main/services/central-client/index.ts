import type { Database } from '../db';
import { createSyncState } from '../sync/sync-state';
import { createCentralHttp, type CentralHttp, type FetchLike } from './http';
import type { Transport } from './node-transport';
import { createDeviceSession, type CredentialStore, type DeviceSession } from './session';

export {
  CentralError,
  CentralErrorBodySchema,
  answered,
  isBusinessRefusal,
  isTransient,
  kindForStatus,
  type CentralErrorBody,
  type CentralErrorKind,
} from './errors';
export {
  createCentralHttp,
  parseRetryAfter,
  type CentralHttp,
  type CentralRequest,
  type FetchLike,
} from './http';
export {
  createNodeTransport,
  type Transport,
  type TransportAnswer,
  type TransportRequest,
} from './node-transport';
export {
  EnrolmentConfigError,
  resolveEnrolment,
  usesDevelopmentSecret,
  type EnrolmentConfig,
} from './enrolment-config';
export {
  createDeviceSession,
  type CredentialStore,
  type DeviceSession,
  type Enrolment,
  type StoredCredentials,
} from './session';

/** One remote system as this station sees it: the HTTP client and the device session on it. */
export interface CentralConnection {
  http: CentralHttp;
  session: DeviceSession;
}

export interface CentralConnectionOptions {
  db: Database;
  baseUrl: string;
  hallCode: string;
  stationCode: string;
  /** The station's one-time enrolment code (its configuration; HALL_ENROLMENT_CODE for now). */
  enrolmentCode?: string | undefined;
  /** The development secret: demo mode only (createServices checks). */
  registrationSecret?: string | undefined;
  deviceName?: string | undefined;
  /** How requests go out (default: node:http with keep-alive); `fetch` replaces it in tests. */
  transport?: Transport | undefined;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  now?: (() => number) | undefined;
  newInstallationId?: (() => string) | undefined;
  /** Where the device identity is kept (default: the central system's keys of sync_state). */
  credentials?: CredentialStore | undefined;
}

/**
 * The central system's credentials live in sync_state (installation id, device id, tokens); the
 * hall hub's beside them under the `hub.` scope. The owner (sync/sync-state.ts) seals the bearer
 * and refresh tokens with the station's cipher, so a copied database file holds no usable one.
 */
export function syncStateCredentials(db: Database, scope: '' | 'hub.' = ''): CredentialStore {
  const state = createSyncState(db, scope);
  return {
    installationId: (make) => state.installationId(make),
    credentials: () => state.credentials(),
    saveCredentials: (c) => state.saveCredentials(c),
    saveToken: (token, expiresAt) => state.saveToken(token, expiresAt),
    forgetToken: () => state.remove('token'),
  };
}

/** The connection to the central system that sync and the queue share (one device, one token). */
export function createCentralConnection(opts: CentralConnectionOptions): CentralConnection {
  const http = createCentralHttp({
    baseUrl: opts.baseUrl,
    ...(opts.transport ? { transport: opts.transport } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const session = createDeviceSession({
    http,
    store: opts.credentials ?? syncStateCredentials(opts.db),
    enrolment: {
      hallCode: opts.hallCode,
      stationCode: opts.stationCode,
      enrolmentCode: opts.enrolmentCode,
      registrationSecret: opts.registrationSecret,
      deviceName: opts.deviceName,
    },
    ...(opts.newInstallationId ? { newInstallationId: opts.newInstallationId } : {}),
  });
  return { http, session };
}
