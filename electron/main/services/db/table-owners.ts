/**
 * Which file owns each table of the console's store: the only file whose SQL may write it
 * (INSERT / UPDATE / DELETE) or read it (FROM / JOIN). Other areas call the owner's functions.
 * `readers` are the few read-only exceptions: reporting queries that aggregate several tables
 * in one statement (and the owner of one table joining another's for a read). Paths are
 * relative to electron/main/services. Kept in step with docs/data-ownership.md; the
 * architecture test tests/architecture/table-ownership.test.ts enforces it.
 */
export interface TableOwnership {
  owner: string;
  readers?: readonly string[];
}

const APPLICATIONS = 'applications/repository.ts';
const CUSTOMERS = 'customers/store.ts';
const REPORTS = ['dashboard/figures.ts', 'dashboard/exports.ts'] as const;

export const TABLE_OWNERS: Readonly<Record<string, TableOwnership>> = {
  applications: {
    owner: APPLICATIONS,
    // List search builds its SQL from filters; repeats and reports aggregate across tables.
    readers: ['applications/search.ts', 'complaints/repeats.ts', ...REPORTS],
  },
  application_history: { owner: APPLICATIONS },
  app_no_counter: { owner: APPLICATIONS },
  outbox: { owner: 'sync/outbox-store.ts' },
  sync_state: { owner: 'sync/sync-state.ts' },
  sync_mirror: { owner: 'sync/pull.ts', readers: [APPLICATIONS, 'dashboard/figures.ts'] },
  sync_resolutions: { owner: 'sync/actions.ts' },
  queue_offline_tickets: { owner: 'queue/offline-tickets.ts' },
  guide_checklists: { owner: 'queue/checklists.ts' },
  station_settings: { owner: 'queue/station-settings.ts' },
  service_settings: { owner: 'settings/service.ts' },
  service_settings_log: { owner: 'settings/service.ts' },
  complaints: { owner: 'complaints/service.ts', readers: ['complaints/repeats.ts', ...REPORTS] },
  complaint_events: { owner: 'complaints/service.ts' },
  report_exports: { owner: 'dashboard/exports.ts' },
  // A session is resolved together with its account, in one statement.
  staff_accounts: { owner: 'auth/accounts.ts', readers: ['auth/sessions.ts'] },
  staff_sessions: { owner: 'auth/sessions.ts' },
  audit_log: { owner: 'audit/trail.ts' },
  // Customer record (issue 15): one owner for the record and everything hanging off it.
  customers: { owner: CUSTOMERS },
  customer_accounts: { owner: CUSTOMERS },
  customer_contact_history: { owner: CUSTOMERS },
  customer_tag_defs: { owner: CUSTOMERS },
  customer_tags: { owner: CUSTOMERS },
  customer_notifications: { owner: CUSTOMERS },
  // Issue 17: hall alerts and the requests beside applications.
  hall_alerts: { owner: 'alerts/store.ts' },
  planned_outages: { owner: 'alerts/outage-store.ts' },
  service_requests: { owner: 'requests/store.ts' },
  // Check-in with the hall hub down: the copy of the hub's bookings.
  appt_copy: { owner: 'appointments/offline-copy.ts' },
  appt_copy_keys: { owner: 'appointments/offline-copy.ts' },
  // The copy's check-in misses, kept across restarts (the slow-down after 5).
  appt_copy_misses: { owner: 'appointments/offline-misses.ts' },
};
