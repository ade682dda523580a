import { v7 as uuidv7 } from 'uuid';
import { DeviceCredentialsSchema, RefreshResponseSchema } from '../../../../shared/sync/protocol';
import { CentralError } from './errors';
import type { CentralHttp } from './http';

export interface StoredCredentials {
  deviceId: string;
  token: string;
  tokenExpiresAt: string;
  refreshToken: string;
}

/** Where one device's identity and tokens are kept (the sync_state table for the central system). */
export interface CredentialStore {
  /** Made once and kept: registration is idempotent on it (same device id after a crash). */
  installationId(make: () => string): string;
  credentials(): StoredCredentials | undefined;
  saveCredentials(c: StoredCredentials): void;
  saveToken(token: string, expiresAt: string): void;
  /** The refresh token was refused: keep the installation id, drop the token. */
  forgetToken(): void;
}

/**
 * How this station becomes a device: a one-time enrolment code an admin issued for it (the hall
 * and station are the code's), or, in demo mode only, the development secret with the hall and
 * station it names.
 */
export interface Enrolment {
  hallCode: string;
  stationCode: string;
  enrolmentCode?: string | undefined;
  registrationSecret?: string | undefined;
  deviceName?: string | undefined;
}

/** The registration body: the code alone when there is one (never a self-declared hall). */
function registrationBody(enrolment: Enrolment, installationId: string): Record<string, string> {
  const named: Record<string, string> = enrolment.deviceName
    ? { deviceName: enrolment.deviceName }
    : {};
  if (enrolment.enrolmentCode) {
    return { installationId, enrolmentCode: enrolment.enrolmentCode, ...named };
  }
  return {
    hallCode: enrolment.hallCode,
    stationCode: enrolment.stationCode,
    installationId,
    registrationSecret: enrolment.registrationSecret ?? '',
    ...named,
  };
}

export interface DeviceSessionOptions {
  http: CentralHttp;
  store: CredentialStore;
  enrolment: Enrolment;
  newInstallationId?: () => string;
}

/**
 * This station as one device of the central system (or of a hall hub): registration, the
 * bearer token and its refresh. Sync and the queue share one session, so a station registers
 * once and, however many requests meet a 401 together, at most one refresh is in flight.
 */
export function createDeviceSession(opts: DeviceSessionOptions) {
  const { http, store, enrolment } = opts;
  let enrolling: Promise<string> | undefined;
  let refreshing: Promise<string> | undefined;

  /**
   * Enrols (again): same installation id, same device. A 401 here is a wrong, used or expired
   * code; a 409 is a device already enrolled, which needs a fresh code.
   */
  function enrol(): Promise<string> {
    enrolling ??= (async () => {
      try {
        const installationId = store.installationId(opts.newInstallationId ?? uuidv7);
        const creds = await http
          .request(
            {
              method: 'POST',
              path: '/v1/devices/register',
              body: registrationBody(enrolment, installationId),
            },
            DeviceCredentialsSchema,
          )
          .catch((err: unknown) => {
            throw err instanceof CentralError &&
              (err.kind === 'unauthorized' || err.kind === 'conflict')
              ? err.as('enrolment_refused')
              : err;
          });
        store.saveCredentials(creds);
        return creds.token;
      } finally {
        enrolling = undefined;
      }
    })();
    return enrolling;
  }

  /** The current token, registering first when this device has none. */
  async function token(): Promise<string> {
    return store.credentials()?.token ?? enrol();
  }

  /**
   * A new token in place of `stale`, which the server refused. Callers that saw the same stale
   * token share one refresh; one that arrives after it finished gets its result without asking.
   * An unknown refresh token means registering again.
   */
  function refresh(stale: string): Promise<string> {
    if (refreshing) return refreshing;
    const creds = store.credentials();
    if (!creds) return enrol();
    if (creds.token !== stale) return Promise.resolve(creds.token);
    refreshing = (async () => {
      try {
        const fresh = await http.request(
          {
            method: 'POST',
            path: '/v1/devices/token',
            body: { deviceId: creds.deviceId, refreshToken: creds.refreshToken },
          },
          RefreshResponseSchema,
        );
        store.saveToken(fresh.token, fresh.tokenExpiresAt);
        return fresh.token;
      } catch (err) {
        if (!(err instanceof CentralError) || err.kind !== 'unauthorized') throw err;
        store.forgetToken();
        return enrol();
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  /** Runs a request with the bearer token; on a 401 refreshes (or re-registers) and tries once more. */
  async function authed<T>(send: (token: string) => Promise<T>): Promise<T> {
    const first = await token();
    try {
      return await send(first);
    } catch (err) {
      if (!(err instanceof CentralError) || err.kind !== 'unauthorized') throw err;
      return send(await refresh(first));
    }
  }

  return {
    token,
    refresh,
    authed,
    registered: (): boolean => store.credentials() !== undefined,
    deviceId: (): string | undefined => store.credentials()?.deviceId,
  };
}

export type DeviceSession = ReturnType<typeof createDeviceSession>;
