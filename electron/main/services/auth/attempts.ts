import { LOCKOUT_BASE_MS, LOCKOUT_MAX_DOUBLINGS, MAX_FAILED_ATTEMPTS } from './accounts';

/** What the sign-in screen may say after a refusal: attempts left, or until when to wait. */
export interface AttemptState {
  left: number;
  /** Epoch ms; null while attempts are left. */
  lockedUntil: number | null;
}

interface Entry {
  failures: number;
  lockedUntil: number | null;
  lockouts: number;
}

/** Staff numbers remembered at most; the oldest is forgotten first. */
const DEFAULT_CAPACITY = 2000;

/**
 * "N attempts left" without an account oracle (docs/security.md, "Attempts left"). The figure
 * is kept per staff number *as typed* (case-folded) and follows the accounts' own rule (5
 * failures, then a lock of 15 minutes doubling), but it never reads the account: an unknown
 * number, a wrong secret, a locked and a disabled account all count down the same way, so
 * the answer depends only on what this client typed. The accounts' own counters still decide
 * the lock; this only words the refusal. Kept in memory (a restart forgets it) and bounded, so
 * strings that are not accounts are never stored.
 */
export function createAttemptCounter(opts: { capacity?: number } = {}) {
  const capacity = opts.capacity ?? DEFAULT_CAPACITY;
  const entries = new Map<string, Entry>();
  const keyOf = (staffNo: string) => staffNo.trim().toLowerCase();

  function remember(key: string, entry: Entry): void {
    entries.delete(key); // re-inserted as the newest
    entries.set(key, entry);
    while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
  }

  /** A refused sign-in for this staff number; what to tell the person. */
  function failed(staffNo: string, at: number): AttemptState {
    const key = keyOf(staffNo);
    const e = entries.get(key) ?? { failures: 0, lockedUntil: null, lockouts: 0 };
    // As the accounts: failures while locked are not counted.
    if (e.lockedUntil !== null && e.lockedUntil > at) {
      remember(key, e);
      return { left: 0, lockedUntil: e.lockedUntil };
    }
    if (e.failures + 1 >= MAX_FAILED_ATTEMPTS) {
      const lockedUntil = at + LOCKOUT_BASE_MS * 2 ** Math.min(e.lockouts, LOCKOUT_MAX_DOUBLINGS);
      remember(key, { failures: 0, lockedUntil, lockouts: e.lockouts + 1 });
      return { left: 0, lockedUntil };
    }
    remember(key, { failures: e.failures + 1, lockedUntil: null, lockouts: e.lockouts });
    return { left: MAX_FAILED_ATTEMPTS - e.failures - 1, lockedUntil: null };
  }

  return {
    failed,
    /** A good sign-in or recovery: counting starts again, the doubling too. */
    succeeded: (staffNo: string): void => void entries.delete(keyOf(staffNo)),
    /** A supervisor unlocked or reset the secret: the doubling stays, as on the account. */
    unlocked(staffNo: string): void {
      const e = entries.get(keyOf(staffNo));
      if (e) remember(keyOf(staffNo), { ...e, failures: 0, lockedUntil: null });
    },
    size: (): number => entries.size,
  };
}

export type AttemptCounter = ReturnType<typeof createAttemptCounter>;
