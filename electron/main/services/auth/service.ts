import type { Database } from '../db';
import type { Account, Session, StaffRole, StationRole } from '../../../../shared/auth/schemas';
import type { AuditTrail } from '../audit/trail';
import { createAccountStore, toAccount, type AccountRow } from './accounts';
import { accountExists, accountLocked, accountNotFound, badCredentials, setupDone } from './errors';
import { hashSecret, OWASP_COST, verifySecret, type ScryptCost } from './password';
import { createSessionStore } from './sessions';

export interface AuthOptions {
  /** What this station is; kiosk and display stations have no sign-in. Default 'staff'. */
  stationRole?: StationRole;
  /** Enforce sign-in and the permission table in the dispatcher (default true). */
  enforce?: boolean;
  /** Server-side idle expiry of a session (default 30 minutes). */
  sessionIdleMinutes?: number;
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

/** Staff accounts and sessions: first-run setup, sign-in with lockout, supervisor unlock. */
export function createAuthService({ db, audit, now, options }: AuthServiceDeps) {
  const accounts = createAccountStore(db);
  const idleLockMinutes = options.idleLockMinutes ?? 5;
  const sessions = createSessionStore({
    db,
    now,
    idleMs: (options.sessionIdleMinutes ?? 30) * 60_000,
  });
  const cost = options.scryptCost ?? OWASP_COST;
  // Unknown staff numbers still pay for one scrypt, so timing does not tell which exist.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashSecret('not-a-real-secret', cost));

  const at = () => now().getTime();

  function openSession(row: AccountRow, action: 'sign_in' | 'setup'): Session {
    const token = sessions.create(row.staff_no);
    audit.append({ actor: row.staff_no, role: row.role, action, target: row.staff_no });
    return { token, staffNo: row.staff_no, name: row.name, role: row.role, idleLockMinutes };
  }

  async function setup(staffNo: string, name: string, secret: string): Promise<Session> {
    if (accounts.count() > 0) throw setupDone();
    const hash = await hashSecret(secret, cost);
    const created = db.transaction((): AccountRow => {
      // Checked again inside the write: two first-run screens cannot both win.
      if (accounts.count() > 0) throw setupDone();
      const row: AccountRow = {
        staff_no: staffNo,
        name,
        role: 'supervisor',
        secret_hash: hash,
        failed_attempts: 0,
        locked_at: null,
        created_at: at(),
        updated_at: at(),
      };
      accounts.insert(row);
      return row;
    })();
    return openSession(created, 'setup');
  }

  async function signIn(staffNo: string, secret: string): Promise<Session> {
    const row = accounts.find(staffNo);
    if (!row) {
      await verifySecret(secret, await dummy());
      audit.append({ actor: '-', role: '-', action: 'sign_in_failed', target: '-' });
      throw badCredentials();
    }
    if (row.locked_at !== null) throw accountLocked();
    const ok = await verifySecret(secret, row.secret_hash);
    if (!ok) {
      const after = accounts.recordFailure(staffNo, at());
      audit.append({
        actor: staffNo,
        role: row.role,
        action: 'sign_in_failed',
        target: staffNo,
        detail: { attempts: after?.failed_attempts ?? 0 },
      });
      if (after?.locked_at !== null && after?.locked_at !== undefined) {
        sessions.endAllFor(staffNo);
        audit.append({ actor: staffNo, role: row.role, action: 'locked_out', target: staffNo });
        throw accountLocked();
      }
      throw badCredentials();
    }
    // Locked by a parallel attempt while scrypt ran: the lock wins.
    const fresh = accounts.find(staffNo);
    if (!fresh || fresh.locked_at !== null) throw accountLocked();
    accounts.recordSuccess(staffNo, at());
    return openSession(fresh, 'sign_in');
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

  async function createAccount(
    by: { actor: string; role: string },
    input: { staffNo: string; name: string; role: StaffRole; secret: string },
  ): Promise<Account> {
    if (accounts.find(input.staffNo)) throw accountExists();
    const hash = await hashSecret(input.secret, cost);
    const row: AccountRow = {
      staff_no: input.staffNo,
      name: input.name,
      role: input.role,
      secret_hash: hash,
      failed_attempts: 0,
      locked_at: null,
      created_at: at(),
      updated_at: at(),
    };
    db.transaction(() => {
      if (accounts.find(input.staffNo)) throw accountExists();
      accounts.insert(row);
      audit.append({
        ...by,
        action: 'account_create',
        target: input.staffNo,
        detail: { role: input.role },
      });
    })();
    return toAccount(row);
  }

  function unlockAccount(by: { actor: string; role: string }, staffNo: string): Account {
    const row = db.transaction(() => {
      const updated = accounts.unlock(staffNo, at());
      if (!updated) throw accountNotFound();
      audit.append({ ...by, action: 'account_unlock', target: staffNo });
      return updated;
    })();
    return toAccount(row);
  }

  async function resetSecret(
    by: { actor: string; role: string },
    staffNo: string,
    secret: string,
  ): Promise<Account> {
    if (!accounts.find(staffNo)) throw accountNotFound();
    const hash = await hashSecret(secret, cost);
    const row = db.transaction(() => {
      const updated = accounts.setSecret(staffNo, hash, at());
      if (!updated) throw accountNotFound();
      sessions.endAllFor(staffNo);
      audit.append({ ...by, action: 'secret_reset', target: staffNo });
      return updated;
    })();
    return toAccount(row);
  }

  return {
    stationRole: options.stationRole ?? 'staff',
    idleLockMinutes,
    needsSetup: () => accounts.count() === 0,
    resolveSession: sessions.resolve,
    listAccounts: () => accounts.list().map(toAccount),
    setup,
    signIn,
    signOut,
    createAccount,
    unlockAccount,
    resetSecret,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
