import { createHash, randomBytes } from 'node:crypto';
import { prepared, type Database } from '../db';
import type { StaffRole } from '../../../../shared/auth/schemas';

export interface SessionStaff {
  staffNo: string;
  name: string;
  role: StaffRole;
}

/** Only the hash is stored: a copied database file holds no usable token. */
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

// Writing last_seen_at on every call would cost a sync to disk per call; a minute is enough.
const TOUCH_AFTER_MS = 60_000;
/** Expired rows are swept on sign-in and, while the station is in use, at most this often. */
export const SWEEP_EVERY_MS = 10 * 60_000;

/** Whose sessions just ended, for the pushed `session.ended` (events/sources.ts). */
export interface SessionsEnded {
  reason: 'revoked' | 'signedOut';
  staffNo?: string;
  session?: string;
  exceptSession?: string;
}

export interface SessionStoreDeps {
  db: Database;
  now: () => Date;
  /** Ends a session this long after its last use. */
  idleMs: number;
  /** Ends a session this long after sign-in, however busy. */
  absoluteMs: number;
}

/**
 * Random bearer tokens with an idle and an absolute expiry. A locked or disabled account's
 * sessions stop resolving at once; ended and expired rows are deleted, not kept.
 */
export function createSessionStore({ db, now, idleMs, absoluteMs }: SessionStoreDeps) {
  const insert = prepared<[string, string, number, number]>(
    db,
    `
    INSERT INTO staff_sessions (token_hash, staff_no, created_at, last_seen_at)
    VALUES (?, ?, ?, ?)`,
  );
  const lookup = prepared<
    [string],
    {
      staff_no: string;
      name: string;
      role: StaffRole;
      created_at: number;
      last_seen_at: number;
      locked_until: number | null;
      disabled_at: number | null;
    }
  >(
    db,
    `
    SELECT s.staff_no, a.name, a.role, s.created_at, s.last_seen_at, a.locked_until, a.disabled_at
    FROM staff_sessions s JOIN staff_accounts a ON a.staff_no = s.staff_no
    WHERE s.token_hash = ? AND s.ended_at IS NULL`,
  );
  const touch = prepared<[number, string]>(
    db,
    'UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?',
  );
  const end = prepared<[string]>(db, 'DELETE FROM staff_sessions WHERE token_hash = ?');
  const endAll = prepared<[string]>(db, 'DELETE FROM staff_sessions WHERE staff_no = ?');
  const endOthers = prepared<[string, string]>(
    db,
    'DELETE FROM staff_sessions WHERE staff_no = ? AND token_hash <> ?',
  );
  // Rows ended by the old code (ended_at set) go too.
  const sweep = prepared<[number, number]>(
    db,
    `
    DELETE FROM staff_sessions
    WHERE ended_at IS NOT NULL OR last_seen_at < ? OR created_at < ?`,
  );
  let lastSweep = Number.NEGATIVE_INFINITY;
  const endedListeners = new Set<(ended: SessionsEnded) => void>();
  const announce = (ended: SessionsEnded) => {
    for (const listener of endedListeners) listener(ended);
  };

  function sweepExpired(): number {
    const at = now().getTime();
    lastSweep = at;
    return sweep.run(at - idleMs, at - absoluteMs).changes;
  }

  return {
    create(staffNo: string): string {
      sweepExpired();
      const token = randomBytes(32).toString('base64url');
      const at = now().getTime();
      insert.run(tokenHash(token), staffNo, at, at);
      return token;
    },
    resolve(token: string): SessionStaff | null {
      if (token.length === 0 || token.length > 100) return null;
      const at = now().getTime();
      if (at - lastSweep >= SWEEP_EVERY_MS) sweepExpired();
      const hash = tokenHash(token);
      const row = lookup.get(hash);
      if (!row) return null;
      if (row.disabled_at !== null || (row.locked_until !== null && row.locked_until > at)) {
        return null;
      }
      if (at - row.last_seen_at > idleMs || at - row.created_at > absoluteMs) {
        end.run(hash);
        return null;
      }
      if (at - row.last_seen_at > TOUCH_AFTER_MS) touch.run(at, hash);
      return { staffNo: row.staff_no, name: row.name, role: row.role };
    },
    end(token: string): boolean {
      const ended = end.run(tokenHash(token)).changes > 0;
      if (ended) announce({ reason: 'signedOut', session: token });
      return ended;
    },
    endAllFor(staffNo: string): void {
      endAll.run(staffNo);
      announce({ reason: 'revoked', staffNo });
    },
    /** Every other session of this staff member (after they change their own secret). */
    endOthersFor(staffNo: string, token: string): void {
      endOthers.run(staffNo, tokenHash(token));
      announce({ reason: 'revoked', staffNo, exceptSession: token });
    },
    /** Told whenever sessions are ended on purpose (not when one simply expires). */
    onEnded(listener: (ended: SessionsEnded) => void): () => void {
      endedListeners.add(listener);
      return () => void endedListeners.delete(listener);
    },
    sweepExpired,
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
