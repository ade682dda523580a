import type { Database } from '../db';
import type { Account, StaffRole } from '../../../../shared/auth/schemas';
import type { AuditTrail } from '../audit/trail';
import { freshAccountRow, toAccount, type AccountRow, type AccountStore } from './accounts';
import { accountExists, accountNotFound, lastSupervisor } from './errors';
import { hashSecret, type ScryptCost } from './password';
import type { SessionStore } from './sessions';
import type { AttemptCounter } from './attempts';

export interface AdminDeps {
  db: Database;
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditTrail;
  cost: ScryptCost;
  now: () => number;
  /** The sign-in screen's attempts left: an unlock or a new secret starts them again. */
  attempts?: AttemptCounter;
}

type By = { actor: string; role: string };

/**
 * What a supervisor does to accounts: add, unlock early, reset a secret, disable, change the
 * role. Each change is one transaction with its audit row. The last active supervisor can be
 * neither disabled nor given another role, so the station never ends up without one.
 */
export function createAccountAdmin({
  db,
  accounts,
  sessions,
  audit,
  cost,
  now,
  attempts,
}: AdminDeps) {
  const existing = (staffNo: string): AccountRow => {
    const row = accounts.find(staffNo);
    if (!row) throw accountNotFound();
    return row;
  };
  const isActiveSupervisor = (row: AccountRow) =>
    row.role === 'supervisor' && row.disabled_at === null;

  async function createAccount(
    by: By,
    input: { staffNo: string; name: string; role: StaffRole; secret: string },
  ): Promise<Account> {
    if (accounts.find(input.staffNo)) throw accountExists();
    const hash = await hashSecret(input.secret, cost);
    const { staffNo, name, role } = input;
    const row = freshAccountRow({ staffNo, name, role, secretHash: hash, at: now() });
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
    return toAccount(row, row.created_at);
  }

  function unlockAccount(by: By, staffNo: string): Account {
    const row = db.transaction(() => {
      const updated = accounts.unlock(existing(staffNo).staff_no, now());
      if (!updated) throw accountNotFound();
      audit.append({ ...by, action: 'account_unlock', target: updated.staff_no });
      return updated;
    })();
    attempts?.unlocked(row.staff_no);
    return toAccount(row, now());
  }

  async function resetSecret(by: By, staffNo: string, secret: string): Promise<Account> {
    const target = existing(staffNo).staff_no;
    const hash = await hashSecret(secret, cost);
    const row = db.transaction(() => {
      const updated = accounts.setSecret(target, hash, now());
      if (!updated) throw accountNotFound();
      sessions.endAllFor(target);
      audit.append({ ...by, action: 'secret_reset', target });
      return updated;
    })();
    attempts?.unlocked(target);
    return toAccount(row, now());
  }

  function setDisabled(by: By, staffNo: string, disabled: boolean): Account {
    const row = db.transaction(() => {
      const current = existing(staffNo);
      if (disabled && isActiveSupervisor(current) && accounts.activeSupervisors() <= 1) {
        throw lastSupervisor();
      }
      const updated = accounts.setDisabled(
        current.staff_no,
        disabled ? (current.disabled_at ?? now()) : null,
        now(),
      ) as AccountRow;
      if (disabled) sessions.endAllFor(current.staff_no);
      audit.append({
        ...by,
        action: disabled ? 'account_disable' : 'account_enable',
        target: current.staff_no,
      });
      return updated;
    })();
    return toAccount(row, now());
  }

  function setRole(by: By, staffNo: string, role: StaffRole): Account {
    const row = db.transaction(() => {
      const current = existing(staffNo);
      if (
        role !== 'supervisor' &&
        isActiveSupervisor(current) &&
        accounts.activeSupervisors() <= 1
      ) {
        throw lastSupervisor();
      }
      const updated = accounts.setRole(current.staff_no, role, now()) as AccountRow;
      // Sessions read the role from the account on every call: the change applies at once.
      audit.append({
        ...by,
        action: 'account_role',
        target: current.staff_no,
        detail: { from: current.role, to: role },
      });
      return updated;
    })();
    return toAccount(row, now());
  }

  return { createAccount, unlockAccount, resetSecret, setDisabled, setRole };
}
