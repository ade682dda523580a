import { cipherOf } from '../crypto';
import { prepared, type Database } from '../db';

/** Keys of the sync_state table. */
type Key =
  | 'installation_id'
  | 'device_id'
  | 'token'
  | 'token_expires_at'
  | 'refresh_token'
  | 'pull_cursor'
  /** The hall's customer changes pulled so far (customers/central-mirror.ts). */
  | 'customers_cursor'
  | 'last_success_at'
  | 'halted';

export interface StoredCredentials {
  deviceId: string;
  token: string;
  tokenExpiresAt: string;
  refreshToken: string;
}

/** The device's secrets: sealed at rest with the station's data key. */
export const SECRET_SYNC_KEYS: readonly Key[] = ['token', 'refresh_token'];
export const syncStateContext = (key: string): string => `sync_state.${key}`;

/**
 * Small typed access to sync_state; each setter is its own statement (callers add transactions).
 * `scope` keeps a second server's device identity apart: `hub.` for the hall hub, whose
 * registration and tokens are its own (the central system's keys have no prefix).
 */
export function createSyncState(db: Database, scope: '' | 'hub.' = '') {
  const cipher = cipherOf(db);
  const secret = (key: Key): boolean => SECRET_SYNC_KEYS.includes(key);
  const get = prepared<[string], { value: string }>(
    db,
    'SELECT value FROM sync_state WHERE key = ?',
  );
  const put = prepared<[string, string]>(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const del = prepared<[string]>(db, 'DELETE FROM sync_state WHERE key = ?');
  const read = (key: Key): string | undefined => {
    const value = get.get(scope + key)?.value;
    return value !== undefined && secret(key)
      ? cipher.open(value, syncStateContext(scope + key))
      : value;
  };
  const write = (key: Key, value: string): void =>
    void put.run(
      scope + key,
      secret(key) ? cipher.seal(value, syncStateContext(scope + key)) : value,
    );

  return {
    read,
    write,
    remove: (key: Key): void => void del.run(scope + key),

    /** Made once and kept: registration is idempotent on it (same device id after a crash). */
    installationId(make: () => string): string {
      const existing = read('installation_id');
      if (existing) return existing;
      const id = make();
      write('installation_id', id);
      return id;
    },

    credentials(): StoredCredentials | undefined {
      const deviceId = read('device_id');
      const token = read('token');
      const refreshToken = read('refresh_token');
      if (!deviceId || !token || !refreshToken) return undefined;
      return { deviceId, token, refreshToken, tokenExpiresAt: read('token_expires_at') ?? '' };
    },

    saveCredentials(c: StoredCredentials): void {
      db.transaction(() => {
        write('device_id', c.deviceId);
        write('token', c.token);
        write('token_expires_at', c.tokenExpiresAt);
        write('refresh_token', c.refreshToken);
      })();
    },

    saveToken(token: string, expiresAt: string): void {
      db.transaction(() => {
        write('token', token);
        write('token_expires_at', expiresAt);
      })();
    },

    pullCursor: (): number => Number(read('pull_cursor') ?? 0),
  };
}

export type SyncState = ReturnType<typeof createSyncState>;
