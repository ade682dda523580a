import { createHash, randomInt } from 'node:crypto';
import { forUpdate, get, run, type CentralStore, type Work } from './store/work';
import { STATION_ROLES, type StationRole } from '../shared/auth/schemas';

/**
 * A station's role, a hall hub's (enrolled at central to vouch for its hall's codes), or a
 * utility online channel's (it may only use the appointment endpoint's ONLINE_OPS).
 */
export type EnrolledRole = StationRole | 'hub' | 'online';
export const ENROLLED_ROLES = [...STATION_ROLES, 'hub', 'online'] as const;

/** What an admin asks for: one station of one hall, its role and how long the code lives. */
export interface EnrolmentRequest {
  hallCode: string;
  stationCode: string;
  role: EnrolledRole;
  /** Minutes until the code expires (default 24 h, at most 30 days). */
  validMinutes?: number;
}

export interface IssuedEnrolment {
  code: string;
  hallCode: string;
  stationCode: string;
  role: EnrolledRole;
  expiresAt: string;
}

export interface EnrolmentGrant {
  hallCode: string;
  stationCode: string;
  role: EnrolledRole;
}

export type RedeemOutcome =
  | { ok: true; grant: EnrolmentGrant; codeHash: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export { STATION_ROLES };
export const DEFAULT_CODE_MINUTES = 24 * 60;
export const MAX_CODE_MINUTES = 30 * 24 * 60;

// No 0/O, 1/I: codes are read off paper and typed in.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const hashOf = (code: string): string => createHash('sha256').update(code).digest('hex');

/** 16 random characters from a 32-letter alphabet (80 bits), as XXXX-XXXX-XXXX-XXXX. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * One-time enrolment codes: an admin issues one per station; a console redeems it once to
 * become a device of that hall and station. Only the code's hash is stored, so the database
 * alone cannot enrol anyone.
 */
export class EnrolmentCodes {
  constructor(
    private readonly store: CentralStore,
    private readonly now: () => number,
  ) {}

  async issue(req: EnrolmentRequest): Promise<IssuedEnrolment> {
    const code = newEnrolmentCode();
    const minutes = Math.min(req.validMinutes ?? DEFAULT_CODE_MINUTES, MAX_CODE_MINUTES);
    const expiresAt = this.now() + minutes * 60_000;
    const createdAt = this.now();
    await this.store.write(() =>
      run(
        `INSERT INTO enrolment_codes (code_hash, hall_code, station_code, role, expires_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        hashOf(code),
        req.hallCode,
        req.stationCode,
        req.role,
        expiresAt,
        createdAt,
      ),
    );
    return {
      code,
      hallCode: req.hallCode,
      stationCode: req.stationCode,
      role: req.role,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** Checks a code without spending it. */
  redeem(code: string): Promise<RedeemOutcome> {
    return this.store.read(() => this.redeemWork(code));
  }

  /** Checks a code (inside the caller's transaction); `markUsed` spends it. */
  *redeemWork(code: string): Work<RedeemOutcome> {
    const codeHash = hashOf(code);
    const row = yield* get<{
      hall_code: string;
      station_code: string;
      role: EnrolledRole;
      expires_at: number;
      used_at: number | null;
    }>(
      forUpdate(
        'SELECT hall_code, station_code, role, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?',
      ),
      codeHash,
    );
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (row.expires_at <= this.now()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      codeHash,
      grant: { hallCode: row.hall_code, stationCode: row.station_code, role: row.role },
    };
  }

  /**
   * A hall hub vouching for a station's code (its second and last use): the code must be one
   * of the hub's own hall, for a station (not a hub), unexpired and not yet used at a hub. It
   * is spent for hubs at once; central's own use (`used_at`) is independent.
   */
  vouch(code: string, hub: { deviceId: string; hallCode: string }): Promise<RedeemOutcome> {
    return this.store.write(
      function* (this: EnrolmentCodes): Work<RedeemOutcome> {
        const codeHash = hashOf(code);
        const row = yield* get<{
          hall_code: string;
          station_code: string;
          role: EnrolledRole;
          expires_at: number;
          hub_used_at: number | null;
        }>(
          forUpdate(
            `SELECT hall_code, station_code, role, expires_at, hub_used_at FROM enrolment_codes
            WHERE code_hash = ?`,
          ),
          codeHash,
        );
        // Another hall's code answers as an unknown one: a hub learns nothing of other halls.
        if (!row || row.hall_code !== hub.hallCode || row.role === 'hub') {
          return { ok: false, reason: 'unknown' };
        }
        if (row.hub_used_at !== null) return { ok: false, reason: 'used' };
        if (row.expires_at <= this.now()) return { ok: false, reason: 'expired' };
        yield* run(
          'UPDATE enrolment_codes SET hub_used_at = ?, hub_used_by = ? WHERE code_hash = ?',
          this.now(),
          hub.deviceId,
          codeHash,
        );
        return {
          ok: true,
          codeHash,
          grant: { hallCode: row.hall_code, stationCode: row.station_code, role: row.role },
        };
      }.bind(this),
    );
  }

  *markUsed(codeHash: string, deviceId: string): Work<void> {
    yield* run(
      'UPDATE enrolment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?',
      this.now(),
      deviceId,
      codeHash,
    );
  }
}
