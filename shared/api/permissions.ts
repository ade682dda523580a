import type { MethodName } from './contract';

/** Station and staff roles (docs/domain.md "Who is in the hall"). */
export const ROLES = ['counter', 'guide', 'supervisor', 'kiosk', 'display'] as const;
export type Role = (typeof ROLES)[number];

const STAFF: Role[] = ['counter', 'guide', 'supervisor'];

/**
 * Which roles may call each method: the role × action matrix, enforced in the services (the
 * dispatcher), not only hidden in the UI. Every method of the contract must have an entry; the
 * compiler insists. Add the entry together with the method.
 */
export const PERMISSIONS: Record<MethodName, readonly Role[]> = {
  'system.info': ROLES,
  'catalogue.get': ROLES,
  'applications.saveDraft': ['counter', 'supervisor'],
  'applications.submit': ['counter', 'supervisor'],
  'applications.list': STAFF,
  'applications.get': STAFF,
  'applications.openDraft': ['counter', 'supervisor'],
  'applications.receipt': ['counter', 'supervisor'],
  'sync.status': STAFF,
  'sync.deadLetters': ['supervisor'],
  'sync.conflicts': ['counter', 'supervisor'],
  'sync.resendDeadLetter': ['supervisor'],
  'sync.discardDeadLetter': ['supervisor'],
  'sync.resolveConflict': ['counter', 'supervisor'],
  'sync.now': STAFF,
  'sync.resume': ['supervisor'],
  // Service commitments: complaints loop, repeat contacts, settings, dashboard (issue 5).
  'complaints.take': STAFF,
  'complaints.list': STAFF,
  'complaints.get': STAFF,
  'complaints.dispatch': ['supervisor'],
  'complaints.contact': ['counter', 'supervisor'],
  'complaints.answer': ['counter', 'supervisor'],
  'complaints.visit': ['counter', 'supervisor'],
  'complaints.archive': ['supervisor'],
  'repeats.forApplication': STAFF,
  'repeats.list': ['supervisor'],
  'settings.get': STAFF,
  'settings.setWarnings': ['supervisor'],
  'settings.loadCalendarYear': ['supervisor'],
  'settings.saveRuleSet': ['supervisor'],
  'dashboard.get': ['supervisor'],
  'reports.export': ['supervisor'],
  'applications.serviceInfo': STAFF,
  // Sign-in: any staff station caller (the gate lets unsigned callers reach the public ones).
  'auth.status': ROLES,
  'auth.setup': STAFF,
  'auth.signIn': STAFF,
  'auth.signOut': STAFF,
  'auth.recover': STAFF,
  'auth.changeSecret': STAFF,
  'auth.accounts': ['supervisor'],
  'auth.createAccount': ['supervisor'],
  'auth.unlockAccount': ['supervisor'],
  'auth.resetSecret': ['supervisor'],
  'auth.setDisabled': ['supervisor'],
  'auth.setRole': ['supervisor'],
  'applications.reveal': ['counter', 'supervisor'],
  'audit.list': ['supervisor'],
  'audit.verify': ['supervisor'],
  // Hall queue, guide desk, calling display and kiosk (issue 4).
  'station.get': ROLES,
  'queue.status': ROLES,
  'queue.config': ROLES,
  'queue.saveConfig': ['supervisor'],
  'queue.issue': ['guide', 'kiosk', 'counter', 'supervisor'],
  'queue.cancel': STAFF,
  'queue.callNext': ['counter', 'supervisor'],
  'queue.current': ['counter', 'supervisor'],
  'queue.recall': ['counter', 'supervisor'],
  'queue.serve': ['counter', 'supervisor'],
  'queue.noShow': ['counter', 'supervisor'],
  'queue.transfer': ['counter', 'supervisor'],
  'queue.undo': ['counter', 'supervisor'],
  'queue.requeue': ['counter', 'supervisor'],
  'queue.finish': ['counter', 'supervisor'],
  'queue.verifyKioskDraft': ['counter', 'supervisor'],
  'queue.tickets': STAFF,
  'queue.board': ROLES,
  'queue.measures': ['counter', 'supervisor'],
  'guide.saveChecklist': ['guide', 'supervisor'],
  'guide.checklists': ['guide', 'supervisor'],
  'kiosk.content': ROLES,
  'kiosk.saveContent': ['supervisor'],
  'kiosk.lookup': ['kiosk', 'guide', 'counter', 'supervisor'],
  'kiosk.startApplication': ['kiosk', 'guide'],
  // The customer's own verdict: no staff role enters ratings of its own service.
  'kiosk.rate': ['kiosk'],
  // Logs, diagnostics and backups (issue 11): the supervisor's desk only.
  'system.diagnostics': ['supervisor'],
  'backups.list': ['supervisor'],
  'backups.create': ['supervisor'],
  'backups.restore': ['supervisor'],
  'backups.cancelRestore': ['supervisor'],
  // Station setup (issue 11): read by every screen; setup only before a config exists (the
  // handler refuses it after); later changes by a supervisor.
  'station.config': ROLES,
  'station.setup': ROLES,
  'station.update': ['supervisor'],
  // The desk's ID card reader (issue 12): staff filling in a customer's form; never a kiosk.
  'idReader.read': STAFF,
  // Appointments (issue 15): booked at the counter, the guide desk and the kiosk; the guide's
  // day list; check-in by code + phone at the kiosk or a desk; slots and rules by a supervisor.
  'appointments.slots': ['counter', 'guide', 'supervisor', 'kiosk'],
  'appointments.saveSlot': ['supervisor'],
  'appointments.removeSlot': ['supervisor'],
  'appointments.book': ['counter', 'guide', 'supervisor', 'kiosk'],
  'appointments.cancel': STAFF,
  'appointments.dayList': STAFF,
  'appointments.checkIn': ['counter', 'guide', 'supervisor', 'kiosk'],
  'appointments.figures': ['supervisor'],
  'appointments.settings': STAFF,
  'appointments.saveSettings': ['supervisor'],
  // Customer record, tags and account managers (issue 15, docs/customers.md). The guide
  // identifies a customer at triage (tags, priority) but opens no record.
  'customers.search': ['counter', 'supervisor'],
  'customers.identify': STAFF,
  'customers.brief': STAFF,
  'customers.get': ['counter', 'supervisor'],
  'customers.tagDefs': STAFF,
  'customers.defineTag': ['supervisor'],
  'customers.setTag': ['counter', 'supervisor'],
  'customers.removeTag': ['counter', 'supervisor'],
  'customers.assignManager': ['supervisor'],
  'customers.merge': ['supervisor'],
  'customers.mine': ['counter', 'supervisor'],
  'customers.notifications': ['counter', 'supervisor'],
  'customers.markRead': ['counter', 'supervisor'],
  'customers.satisfaction': ['supervisor'],
  // The renderer's one start-up call (issue 14): every caller, unsigned included, gets it, but
  // its parts are only what that caller's own calls would return (no sync status for a kiosk).
  'app.bootstrap': ROLES,
  // Pushed events (issue 14): every signed-in screen opens its stream; the event table
  // (shared/api/events.ts) then decides what each role receives.
  'events.ticket': ROLES,
  // Hall alerts (issue 17): every staff screen reads them, customer stations only the notice;
  // a supervisor raises, ends and tunes the suggestion.
  'alerts.current': STAFF,
  'alerts.notices': ROLES,
  'alerts.raise': ['supervisor'],
  'alerts.end': ['supervisor'],
  'alerts.suggest': ['supervisor'],
  'alerts.setThresholds': ['supervisor'],
  // Requests beside applications (issue 17): taken at the counter and the guide desk.
  'requests.catalogue': STAFF,
  'requests.reportFault': STAFF,
  'requests.subscribe': STAFF,
  'requests.withdrawConsent': STAFF,
  'requests.enquiry': STAFF,
  'requests.list': STAFF,
  // Sensitive work orders (issue 17): the supervisor reads the list; the guide and the counter
  // learn only whether the customer at their desk is on it.
  'sensitive.list': ['supervisor'],
  'sensitive.flag': STAFF,
  // 客户信息更新 (issue 17): taken at the counter through the customer record.
  'customers.updateContact': ['counter', 'supervisor'],
};

export const isAllowed = (role: Role, method: MethodName): boolean =>
  PERMISSIONS[method].includes(role);
