import type { OperationsMessages } from './operations.zh-CN';

/** Diagnostics and backups on the supervisor's desk (English). */
const operationsEn: OperationsMessages = {
  operations: {
    nav: 'Operations',
    title: 'Operations: diagnostics and backups',
    diagnostics: 'Export diagnostics',
    diagnosticsHint:
      'Recent logs, versions, configuration without secrets, sync and queue status counts; no personal data.',
    diagnosticsDone: 'Diagnostics exported ({kb} KB)',
    backups: 'Database backups',
    schedule:
      'Backed up every {hours} hours and at the first start of each day, kept for {days} days; every backup is integrity-checked.',
    backupNow: 'Back up now',
    backupDone: 'Backup done: {file}',
    empty: 'No backups yet',
    at: 'Taken at',
    kind: 'Kind',
    kinds: { auto: 'Scheduled', manual: 'Manual', migration: 'Before upgrade' },
    schemaVersion: 'Schema version',
    size: 'Size',
    restore: 'Restore',
    restoreTitle: 'Restore from a backup',
    restoreConfirm:
      'At the next start the current database will be replaced by the backup of {at}; anything entered since will not be in it (the current database is kept aside). Go ahead?',
    restoreScheduled: 'Restore scheduled: close and start the console again to finish it.',
    pending: 'Restore pending: {file}. It takes effect at the next start.',
    cancelRestore: 'Cancel restore',
    cancelled: 'Restore cancelled',
    cancel: 'Cancel',
    confirm: 'OK',
  },
};

export default operationsEn;
