import { createAccountStore } from '../auth/accounts';
import type { Database } from '../db';

/**
 * A counter account that can be named account manager (客户经理), written straight into the
 * accounts table: tests of customers need the staff member to exist, not to sign in.
 */
export function addManagerAccount(db: Database, staffNo = 'mgr01'): void {
  createAccountStore(db).insert({
    staff_no: staffNo,
    name: '客户经理',
    role: 'counter',
    secret_hash: 'x',
    failed_attempts: 0,
    locked_at: null,
    locked_until: null,
    lockouts: 0,
    disabled_at: null,
    recovery_hash: null,
    created_at: 0,
    updated_at: 0,
  });
}
