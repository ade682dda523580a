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

export interface SessionStoreDeps {
  db: Database;
  now: () => Date;
  idleMs: number;
}

/** Random bearer tokens with idle expiry; a locked account's sessions stop resolving at once. */
export function createSessionStore({ db, now, idleMs }: SessionStoreDeps) {
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
      last_seen_at: number;
      locked_at: number | null;
    }
  >(
    db,
    `
    SELECT s.staff_no, a.name, a.role, s.last_seen_at, a.locked_at
    FROM staff_sessions s JOIN staff_accounts a ON a.staff_no = s.staff_no
    WHERE s.token_hash = ? AND s.ended_at IS NULL`,
  );
  const touch = prepared<[number, string]>(
    db,
    'UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?',
  );
  const end = prepared<[number, string]>(
    db,
    'UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL',
  );
  const endAll = prepared<[number, string]>(
    db,
    'UPDATE staff_sessions SET ended_at = ? WHERE staff_no = ? AND ended_at IS NULL',
  );

  return {
    create(staffNo: string): string {
      const token = randomBytes(32).toString('base64url');
      const at = now().getTime();
      insert.run(tokenHash(token), staffNo, at, at);
      return token;
    },
    resolve(token: string): SessionStaff | null {
      if (token.length === 0 || token.length > 100) return null;
      const hash = tokenHash(token);
      const row = lookup.get(hash);
      if (!row || row.locked_at !== null) return null;
      const at = now().getTime();
      if (at - row.last_seen_at > idleMs) {
        end.run(at, hash);
        return null;
      }
      if (at - row.last_seen_at > TOUCH_AFTER_MS) touch.run(at, hash);
      return { staffNo: row.staff_no, name: row.name, role: row.role };
    },
    end: (token: string): boolean => end.run(now().getTime(), tokenHash(token)).changes > 0,
    endAllFor: (staffNo: string): void => void endAll.run(now().getTime(), staffNo),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
