import type { Database } from '../db';
import type { SessionWithRecovery, StationRole } from '../../../../shared/auth/schemas';
import type { AuditTrail } from '../audit/trail';
import { createAccountStore, freshAccountRow, toAccount, type AccountRow } from './accounts';
import { createAccountAdmin } from './admin';
import { setupDone } from './errors';
import { hashSecret, OWASP_COST, type ScryptCost } from './password';
import { createSessionStore } from './sessions';
import { createSignIn } from './signin';
import { createAttemptCounter } from './attempts';

export interface AuthOptions {
  /** What this station is; kiosk and display stations have no sign-in. Default 'staff'. */
  stationRole?: StationRole;
  /** Enforce sign-in and the permission table in the dispatcher (default true). */
  enforce?: boolean;
  /** Server-side idle expiry of a session (default 30 minutes). */
  sessionIdleMinutes?: number;
  /** Server-side absolute expiry of a session, however busy (default 12 hours). */
  sessionAbsoluteHours?: number;
  /** Renderer auto-lock after this many idle minutes (default 5). */
  idleLockMinutes?: number;
  /** scrypt cost; OWASP's by default. Tests lower it to keep thousands of calls fast. */
  scryptCost?: ScryptCost;
}

export interface AuthServiceDeps {
  db: Database;
  audit: AuditTrail;
  now: () => Date;
  options: AuthOptions;
}

/** Staff accounts and sessions: first run, sign-in with timed lockout, recovery, supervision. */
export function createAuthService({ db, audit, now, options }: AuthServiceDeps) {
  const accounts = createAccountStore(db);
  const idleLockMinutes = options.idleLockMinutes ?? 5;
  const sessions = createSessionStore({
    db,
    now,
    idleMs: (options.sessionIdleMinutes ?? 30) * 60_000,
    absoluteMs: (options.sessionAbsoluteHours ?? 12) * 3_600_000,
  });
  const cost = options.scryptCost ?? OWASP_COST;
  const at = () => now().getTime();
  const attempts = createAttemptCounter();
  const signIn = createSignIn({
    accounts,
    sessions,
    audit,
    cost,
    now: at,
    idleLockMinutes,
    attempts,
  });
  const admin = createAccountAdmin({ db, accounts, sessions, audit, cost, now: at, attempts });
  const inTransaction = (apply: () => void) => db.transaction(apply)();

  async function setup(
    staffNo: string,
    name: string,
    secret: string,
  ): Promise<SessionWithRecovery> {
    if (accounts.count() > 0) throw setupDone();
    // Two scrypts, side by side on libuv's pool rather than one after the other.
    const [hash, recovery] = await Promise.all([
      hashSecret(secret, cost),
      signIn.issueRecoveryCode(),
    ]);
    const created = db.transaction((): AccountRow => {
      // Checked again inside the write: two first-run screens cannot both win.
      if (accounts.count() > 0) throw setupDone();
      const row = freshAccountRow({
        staffNo,
        name,
        role: 'supervisor',
        secretHash: hash,
        recoveryHash: recovery.hash,
        at: at(),
      });
      accounts.insert(row);
      return row;
    })();
    return { ...signIn.openSession(created, 'setup'), recoveryCode: recovery.code };
  }

  function signOut(token: string | undefined): boolean {
    if (!token) return false;
    const staff = sessions.resolve(token);
    const ended = sessions.end(token);
    if (staff) {
      audit.append({
        actor: staff.staffNo,
        role: staff.role,
        action: 'sign_out',
        target: staff.staffNo,
      });
    }
    return ended;
  }

  return {
    stationRole: options.stationRole ?? 'staff',
    idleLockMinutes,
    needsSetup: () => accounts.count() === 0,
    resolveSession: sessions.resolve,
    onSessionsEnded: sessions.onEnded,
    sweepSessions: sessions.sweepExpired,
    listAccounts: () => accounts.list().map((row) => toAccount(row, at())),
    setup,
    signIn: signIn.signIn,
    recover: (staffNo: string, code: string, newSecret: string) =>
      signIn.recover(staffNo, code, newSecret, inTransaction),
    changeSecret: (token: string | undefined, current: string, next: string) =>
      signIn.changeSecret(token, current, next, inTransaction),
    signOut,
    ...admin,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
