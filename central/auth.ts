import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EnrolmentCodes, type EnrolledRole, type EnrolmentGrant } from './enrolment';
import { get, run, type CentralStore, type Work } from './store/work';
import type { DeviceCredentials, RegisterRequest, RefreshResponse } from '../shared/sync/protocol';

export interface DeviceIdentity {
  deviceId: string;
  hallCode: string;
  stationCode: string;
  /** A station's role, or `hub` for a hall hub enrolled here (it may only vouch for codes). */
  role?: EnrolledRole;
}

/** Why a registration was refused; none of them changes an existing device. */
export type RegisterRefusal =
  'secret' | 'code_unknown' | 'code_used' | 'code_expired' | 'exists' | 'revoked';

type RegisterStep =
  | { refused: RegisterRefusal }
  | { deviceId: string; grant: EnrolmentGrant; token: string; tokenExpiresAt: string };

export type AuthOutcome =
  | { ok: true; device: DeviceIdentity }
  | { ok: false; reason: 'unauthenticated' | 'expired' | 'forbidden' };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const newSecret = (): string => randomBytes(32).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

/** Devices, bearer tokens and refresh tokens. Only hashes of tokens are stored. */
export class DeviceAuth {
  constructor(
    private readonly store: CentralStore,
    /** The shared development secret, accepted only in demo mode (absent: codes only). */
    private readonly registrationSecret: string | undefined,
    private readonly tokenTtlMs: number,
    private readonly now: () => number,
  ) {
    this.codes = new EnrolmentCodes(store, now);
  }

  /** The one-time enrolment codes this central system issues and redeems. */
  readonly codes: EnrolmentCodes;

  /**
   * Enrols a console as a device. With an enrolment code, the hall, station and role are the
   * code's and the code is spent; an existing device of that installation gets new credentials
   * only this way. With the development secret (demo mode only) a new installation may register
   * with the hall and station it names. Anything else never touches an existing device.
   */
  async register(
    req: RegisterRequest,
    /** On a hall hub: the grant central vouched for (the station's code is not the hub's own). */
    vouched?: { grant: EnrolmentGrant; codeHash: string },
  ): Promise<
    { ok: true; credentials: DeviceCredentials } | { ok: false; reason: RegisterRefusal }
  > {
    const refreshToken = newSecret();
    const result = await this.store.write(
      function* (this: DeviceAuth): Work<RegisterStep> {
        let grant: EnrolmentGrant;
        let codeHash: string | undefined;
        if (vouched) {
          // A hub: central vouched for the code (spent there for hubs), so it counts as fresh.
          grant = vouched.grant;
          codeHash = vouched.codeHash;
        } else if (req.enrolmentCode !== undefined) {
          const redeemed = yield* this.codes.redeemWork(req.enrolmentCode);
          if (!redeemed.ok) return { refused: `code_${redeemed.reason}` };
          grant = redeemed.grant;
          codeHash = redeemed.codeHash;
        } else {
          const secretOk =
            this.registrationSecret !== undefined &&
            req.registrationSecret !== undefined &&
            sameSecret(req.registrationSecret, this.registrationSecret);
          if (!secretOk || !req.hallCode || !req.stationCode) return { refused: 'secret' };
          grant = { hallCode: req.hallCode, stationCode: req.stationCode, role: 'staff' };
        }
        const existing = yield* get<{ device_id: string; revoked: number }>(
          'SELECT device_id, revoked FROM devices WHERE hall_code = ? AND station_code = ? AND installation_id = ?',
          grant.hallCode,
          grant.stationCode,
          req.installationId,
        );
        if (existing?.revoked) return { refused: 'revoked' };
        // Registering again without a fresh code would hand out a second set of credentials.
        if (existing && !codeHash) return { refused: 'exists' };
        const deviceId = existing?.device_id ?? randomUUID();
        if (existing) {
          yield* run(
            'UPDATE devices SET refresh_hash = ?, role = ? WHERE device_id = ?',
            sha256(refreshToken),
            grant.role,
            deviceId,
          );
        } else {
          yield* run(
            `INSERT INTO devices (device_id, hall_code, station_code, installation_id, device_name,
               refresh_hash, created_at, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            deviceId,
            grant.hallCode,
            grant.stationCode,
            req.installationId,
            req.deviceName ?? null,
            sha256(refreshToken),
            this.now(),
            grant.role,
          );
        }
        if (codeHash && !vouched) yield* this.codes.markUsed(codeHash, deviceId);
        return { deviceId, grant, ...(yield* this.issueToken(deviceId)) };
      }.bind(this),
    );
    if ('refused' in result) return { ok: false, reason: result.refused };
    return {
      ok: true,
      credentials: {
        deviceId: result.deviceId,
        token: result.token,
        tokenExpiresAt: result.tokenExpiresAt,
        refreshToken,
        hallCode: result.grant.hallCode,
        stationCode: result.grant.stationCode,
      },
    };
  }

  refresh(
    deviceId: string,
    refreshToken: string,
  ): Promise<
    { ok: true; value: RefreshResponse } | { ok: false; reason: 'unauthenticated' | 'forbidden' }
  > {
    return this.store.write(
      function* (
        this: DeviceAuth,
      ): Work<
        | { ok: true; value: RefreshResponse }
        | { ok: false; reason: 'unauthenticated' | 'forbidden' }
      > {
        const row = yield* get<{ refresh_hash: string; revoked: number }>(
          'SELECT refresh_hash, revoked FROM devices WHERE device_id = ?',
          deviceId,
        );
        if (!row || !sameSecret(sha256(refreshToken), row.refresh_hash)) {
          return { ok: false, reason: 'unauthenticated' };
        }
        if (row.revoked) return { ok: false, reason: 'forbidden' };
        return { ok: true, value: yield* this.issueToken(deviceId) };
      }.bind(this),
    );
  }

  async verify(authorization: string | undefined): Promise<AuthOutcome> {
    const match = /^Bearer ([A-Za-z0-9_-]{20,512})$/.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, reason: 'unauthenticated' };
    const tokenHash = sha256(match[1]);
    const row = await this.store.read(() =>
      get<{
        expires_at: number;
        device_id: string;
        hall_code: string;
        station_code: string;
        revoked: number;
        role: EnrolledRole;
      }>(
        `SELECT t.expires_at, d.device_id, d.hall_code, d.station_code, d.revoked, d.role
           FROM tokens t JOIN devices d ON d.device_id = t.device_id WHERE t.token_hash = ?`,
        tokenHash,
      ),
    );
    if (!row) return { ok: false, reason: 'unauthenticated' };
    if (row.revoked) return { ok: false, reason: 'forbidden' };
    if (row.expires_at <= this.now()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      device: {
        deviceId: row.device_id,
        hallCode: row.hall_code,
        stationCode: row.station_code,
        role: row.role,
      },
    };
  }

  /** Admin: make every bearer token of a device (or of all devices) expire now. */
  async expireTokens(deviceId?: string): Promise<number> {
    const out = await this.store.write(() =>
      deviceId
        ? run('UPDATE tokens SET expires_at = 0 WHERE device_id = ?', deviceId)
        : run('UPDATE tokens SET expires_at = 0'),
    );
    return out.changes;
  }

  /** Admin: a revoked device gets 403 on everything until restored. */
  async setRevoked(deviceId: string, revoked: boolean): Promise<boolean> {
    const out = await this.store.write(() =>
      run('UPDATE devices SET revoked = ? WHERE device_id = ?', revoked ? 1 : 0, deviceId),
    );
    return out.changes === 1;
  }

  private *issueToken(deviceId: string): Work<{ token: string; tokenExpiresAt: string }> {
    const token = newSecret();
    const expiresAt = this.now() + this.tokenTtlMs;
    // Old tokens stay valid until they expire: a console may have requests in flight.
    yield* run('DELETE FROM tokens WHERE device_id = ? AND expires_at <= ?', deviceId, this.now());
    yield* run(
      'INSERT INTO tokens (token_hash, device_id, expires_at) VALUES (?, ?, ?)',
      sha256(token),
      deviceId,
      expiresAt,
    );
    return { token, tokenExpiresAt: new Date(expiresAt).toISOString() };
  }
}
