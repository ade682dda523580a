import { randomBytes } from 'node:crypto';
import type { Session, SessionWithRecovery } from '../../../../shared/auth/schemas';
import type { AuditTrail } from '../audit/trail';
import { isLocked, type AccountRow, type AccountStore } from './accounts';
import { secretWeakness } from '../../../../shared/auth/secret-strength';
import {
  badCredentials,
  badRecovery,
  signInRequired,
  weakSecret,
  wrongCurrentSecret,
} from './errors';
import { hashSecret, verifySecret, type ScryptCost } from './password';
import { newRecoveryCode, recoveryCodeKey } from './recovery-code';
import type { SessionStore } from './sessions';
import type { AttemptCounter } from './attempts';

export interface SignInDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditTrail;
  cost: ScryptCost;
  now: () => number;
  idleLockMinutes: number;
  /** The typed staff numbers' attempts left, for the refusal's wording. */
  attempts: AttemptCounter;
}

/**
 * A well-formed hash nobody's secret matches, at the current cost: verifying against it costs
 * exactly one scrypt, like a real account. Built without hashing, so the first unknown staff
 * number does not pay twice.
 */
const dummyHash = (cost: ScryptCost): string =>
  [
    'scrypt',
    cost.log2N,
    cost.r,
    cost.p,
    randomBytes(16).toString('base64'),
    randomBytes(32).toString('base64'),
  ].join('$');

/**
 * Sign-in, recovery and changing one's own secret. Every answer to a refused sign-in pays one
 * scrypt and is the same error, whether the staff number is unknown, the secret wrong, or the
 * account locked or disabled: neither time nor text tells them apart.
 */
export function createSignIn({
  accounts,
  sessions,
  audit,
  cost,
  now,
  idleLockMinutes,
  attempts,
}: SignInDeps) {
  const dummy = dummyHash(cost);
  /** Every refusal is worded from the typed number's own count, whatever the reason. */
  const refuse = (staffNo: string) => {
    const at = now();
    return badCredentials(attempts.failed(staffNo, at), at);
  };

  function openSession(row: AccountRow, action: 'sign_in' | 'setup' | 'recover'): Session {
    const token = sessions.create(row.staff_no);
    audit.append({ actor: row.staff_no, role: row.role, action, target: row.staff_no });
    return { token, staffNo: row.staff_no, name: row.name, role: row.role, idleLockMinutes };
  }

  /** Counts a failure; when it starts a lock, the account's sessions end at once. */
  function countFailure(row: AccountRow, action: 'sign_in_failed' | 'secret_change_failed'): void {
    const at = now();
    const after = accounts.recordFailure(row.staff_no, at);
    const by = { actor: row.staff_no, role: row.role, target: row.staff_no };
    audit.append({ ...by, action, detail: { attempts: after?.failed_attempts ?? 0 } });
    if (after && isLocked(after, at)) {
      sessions.endAllFor(row.staff_no);
      const minutes = Math.round(((after.locked_until as number) - at) / 60_000);
      audit.append({ ...by, action: 'locked_out', detail: { minutes, lockouts: after.lockouts } });
    }
  }

  async function signIn(staffNo: string, secret: string): Promise<Session> {
    const row = accounts.find(staffNo);
    const ok = await verifySecret(secret, row?.secret_hash ?? dummy);
    if (!row) {
      audit.append({ actor: '-', role: '-', action: 'sign_in_failed', target: '-' });
      throw refuse(staffNo);
    }
    const at = now();
    if (row.disabled_at !== null || isLocked(row, at)) {
      const reason = row.disabled_at !== null ? 'disabled' : 'locked';
      audit.append({
        actor: row.staff_no,
        role: row.role,
        action: 'sign_in_refused',
        target: row.staff_no,
        detail: { reason },
      });
      throw refuse(staffNo);
    }
    if (!ok) {
      countFailure(row, 'sign_in_failed');
      throw refuse(staffNo);
    }
    // Locked or disabled by a parallel call while scrypt ran: that wins.
    const fresh = accounts.find(row.staff_no);
    if (!fresh || fresh.disabled_at !== null || isLocked(fresh, now())) throw refuse(staffNo);
    accounts.recordSuccess(fresh.staff_no, now());
    attempts.succeeded(staffNo);
    return openSession(fresh, 'sign_in');
  }

  /** A fresh recovery code and its scrypt hash (the caller stores the hash and shows the code once). */
  async function issueRecoveryCode(): Promise<{ code: string; hash: string }> {
    const code = newRecoveryCode();
    const hash = await hashSecret(recoveryCodeKey(code), cost);
    return { code, hash };
  }

  async function recover(
    staffNo: string,
    recoveryCode: string,
    newSecret: string,
    write: (apply: () => void) => void,
  ): Promise<SessionWithRecovery> {
    const row = accounts.find(staffNo);
    const eligible = row?.role === 'supervisor' && row.disabled_at === null && row.recovery_hash;
    const stored = eligible ? (row.recovery_hash as string) : dummy;
    const ok = await verifySecret(recoveryCodeKey(recoveryCode), stored);
    if (!row || !eligible || !ok) {
      audit.append({
        actor: row?.staff_no ?? '-',
        role: row?.role ?? '-',
        action: 'recover_failed',
        target: row?.staff_no ?? '-',
      });
      throw badRecovery();
    }
    const [secretHash, next] = await Promise.all([
      hashSecret(newSecret, cost),
      issueRecoveryCode(),
    ]);
    write(() => {
      // Single use, also against a parallel recovery with the same code.
      if (accounts.find(row.staff_no)?.recovery_hash !== stored) throw badRecovery();
      accounts.setSecret(row.staff_no, secretHash, now());
      accounts.setRecovery(row.staff_no, next.hash, now());
      accounts.recordSuccess(row.staff_no, now());
      sessions.endAllFor(row.staff_no);
    });
    const fresh = accounts.find(row.staff_no) as AccountRow;
    attempts.succeeded(staffNo);
    return { ...openSession(fresh, 'recover'), recoveryCode: next.code };
  }

  async function changeSecret(
    token: string | undefined,
    current: string,
    next: string,
    write: (apply: () => void) => void,
  ): Promise<{ changed: true }> {
    const staff = token ? sessions.resolve(token) : null;
    const row = staff ? accounts.find(staff.staffNo) : undefined;
    if (!token || !row) throw signInRequired();
    if (!(await verifySecret(current, row.secret_hash))) {
      // Counted like a sign-in failure: an unattended open screen cannot be used to guess.
      countFailure(row, 'secret_change_failed');
      throw wrongCurrentSecret();
    }
    // The contract refused the other weak secrets; only here is the staff number known.
    const weak = secretWeakness(next, row.staff_no);
    if (weak) throw weakSecret('next', weak);
    const hash = await hashSecret(next, cost);
    write(() => {
      accounts.setSecret(row.staff_no, hash, now());
      sessions.endOthersFor(row.staff_no, token);
      audit.append({
        actor: row.staff_no,
        role: row.role,
        action: 'secret_change',
        target: row.staff_no,
      });
    });
    return { changed: true };
  }

  return { signIn, recover, changeSecret, openSession, issueRecoveryCode };
}
