import { checkCentralUrl } from '../sync/central-url';
import {
  createCentralConnection,
  syncStateCredentials,
  type CentralConnection,
  type CentralConnectionOptions,
} from './index';
import { createPinnedTransport, normalizeFingerprint } from './pinned-fetch';

/** Where the hall hub is and which certificate it must show. */
export interface HubEndpoint {
  url: string;
  /** SHA-256 of the hub's DER certificate, pinned; present exactly when the URL is https. */
  fingerprint: string | undefined;
}

const fail = (zh: string, en: string): never => {
  throw new Error(`${zh} / ${en}`);
};

/**
 * Checks the hub's address and fingerprint from the station config (or HUB_URL and
 * HUB_FINGERPRINT in development): HTTPS with a pinned certificate, or plain HTTP to this
 * machine only (a hub in the same process tree, as `npm start` runs it). Throws in both languages.
 */
export function checkHubEndpoint(url: string, fingerprint: string | undefined): HubEndpoint {
  let checked: string;
  try {
    checked = checkCentralUrl(url);
  } catch {
    return fail(
      '叫号服务器地址必须是有效的 HTTPS 地址（本机除外）',
      'The hall hub URL must be a valid HTTPS URL (except on this machine)',
    );
  }
  const https = checked.startsWith('https:');
  if (https && !fingerprint) {
    return fail(
      '使用 HTTPS 的叫号服务器需要配置其证书指纹（SHA-256）',
      'An HTTPS hall hub needs its certificate fingerprint (SHA-256) in the station config',
    );
  }
  if (!https && fingerprint) {
    return fail(
      '证书指纹只用于 HTTPS 的叫号服务器地址',
      'A certificate fingerprint only applies to an HTTPS hall hub URL',
    );
  }
  return { url: checked, fingerprint: fingerprint ? normalizeFingerprint(fingerprint) : undefined };
}

/**
 * This station as a device of the hall hub: the same HTTP client and device session as for the
 * central system, against the hub's address, over a pinned TLS connection, with its own
 * registration and tokens (`hub.` keys in sync_state).
 */
export function createHubConnection(
  endpoint: HubEndpoint,
  opts: Omit<CentralConnectionOptions, 'baseUrl' | 'credentials'>,
): CentralConnection {
  return createCentralConnection({
    ...opts,
    baseUrl: endpoint.url,
    ...(endpoint.fingerprint ? { transport: createPinnedTransport(endpoint.fingerprint) } : {}),
    credentials: syncStateCredentials(opts.db, 'hub.'),
  });
}
