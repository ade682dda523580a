import { createAccountStore, freshAccountRow } from '../auth/accounts';
import type { Database } from '../db';

/**
 * A counter account that can be named account manager (客户经理), written straight into the
 * accounts table: tests of customers need the staff member to exist, not to sign in.
 */
export function addManagerAccount(db: Database, staffNo = 'mgr01'): void {
  createAccountStore(db).insert(
    freshAccountRow({ staffNo, name: '客户经理', role: 'counter', secretHash: 'x', at: 0 }),
  );
}
