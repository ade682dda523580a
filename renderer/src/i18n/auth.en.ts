import type { AuthMessages } from './auth.zh-CN';

/** Sign-in, first run, lock screen and staff accounts (English). */
const authEn: AuthMessages = {
  auth: {
    staffNo: 'Staff number',
    name: 'Name',
    secret: 'Password or PIN',
    secretAgain: 'Repeat',
    secretRule: 'A password of 8+ characters or a PIN of 6+ digits',
    secretMismatch: 'The two entries differ',
    required: 'Required',
    staffNoRule: 'Staff numbers are 2–16 letters, digits or dashes',
    signInTitle: 'Staff sign-in',
    signIn: 'Sign in',
    setupTitle: 'First run: create the supervisor account',
    setupHint:
      'This station has no staff accounts yet. The supervisor creates their own account first, then adds clerks and guides under “Staff accounts”.',
    setup: 'Create and sign in',
    lockedTitle: 'Screen locked',
    lockedHint: '{name} ({staffNo}), enter your password or PIN to unlock',
    unlock: 'Unlock',
    switchUser: 'Switch user',
    lock: 'Lock',
    signOut: 'Sign out',
    checking: 'Checking sign-in…',
    unreachable: 'Cannot reach the console service',
    role: { counter: 'Counter clerk', guide: 'Hall guide', supervisor: 'Supervisor' },
    accounts: {
      nav: 'Staff accounts',
      title: 'Staff accounts',
      add: 'Add account',
      locked: 'Locked',
      active: 'Active',
      failures: 'Failed attempts',
      unlock: 'Unlock',
      unlocked: '{staffNo} unlocked',
      created: '{staffNo} added',
      create: 'Add',
      cancel: 'Cancel',
      status: 'Status',
      actions: 'Actions',
    },
    reveal: {
      show: 'Show in full',
      hide: 'Hide',
      audited: 'Viewing the full value is recorded in the audit trail',
    },
    audit: {
      verify: 'Verify the audit chain',
      ok: 'Audit trail intact ({rows} rows)',
      broken: 'Audit row {id} was altered or removed',
    },
  },
};

export default authEn;
