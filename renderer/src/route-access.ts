import type { RouteLocationNormalized } from 'vue-router';
import type { MethodName } from '../../shared/api/contract';
import { isAllowed, type Role } from '../../shared/api/permissions';

/**
 * Who may open each screen, derived from the role × method table the services enforce
 * (shared/api/permissions.ts): a staff screen needs every method it lists; a customer screen
 * belongs to one kind of station. Every named route must have an entry (route-access.test.ts).
 */
export type RouteNeed =
  | { methods: readonly MethodName[] }
  | { station: 'kiosk' | 'display' }
  /** The first-start wizard: shown only while the station has no config, before any sign-in. */
  | { unconfigured: true }
  /**
   * The calling board: the display station's screen, and also a second window of a staff
   * station (a hall without a display PC drives the TV from a counter); never the kiosk.
   */
  | { board: true };

export const ROUTE_NEEDS: Record<string, RouteNeed> = {
  new: { methods: ['applications.submit'] },
  draft: { methods: ['applications.openDraft', 'applications.submit'] },
  applications: { methods: ['applications.list'] },
  detail: { methods: ['applications.get'] },
  receipt: { methods: ['applications.receipt'] },
  sync: { methods: ['sync.status'] },
  staff: { methods: ['auth.accounts'] },
  guide: { methods: ['guide.saveChecklist', 'queue.issue'] },
  appointments: { methods: ['appointments.dayList'] },
  queue: { methods: ['queue.callNext'] },
  queueMeasures: { methods: ['queue.measures'] },
  customers: { methods: ['customers.search', 'customers.get'] },
  complaints: { methods: ['complaints.list'] },
  complaint: { methods: ['complaints.get'] },
  supervisor: { methods: ['dashboard.get'] },
  operations: { methods: ['system.diagnostics'] },
  ruleSets: { methods: ['settings.get', 'settings.saveRuleSet'] },
  station: { methods: ['station.update'] },
  hallAlerts: { methods: ['alerts.raise', 'alerts.suggest'] },
  requests: { methods: ['requests.reportFault', 'requests.list'] },
  sensitive: { methods: ['sensitive.list'] },
  setup: { unconfigured: true },
  display: { board: true },
  kioskHome: { station: 'kiosk' },
  kioskTicket: { station: 'kiosk' },
  kioskLookup: { station: 'kiosk' },
  kioskApply: { station: 'kiosk' },
  kioskRate: { station: 'kiosk' },
  kioskInfo: { station: 'kiosk' },
  kioskAppointment: { station: 'kiosk' },
  kioskCheckin: { station: 'kiosk' },
};

/** Where each role starts, and where it is sent when it asks for a screen it cannot use. */
export const HOME: Record<Role, string> = {
  counter: '/new',
  supervisor: '/new',
  guide: '/guide',
  kiosk: '/kiosk',
  display: '/display',
};

export function canUse(role: Role, need: RouteNeed): boolean {
  if ('unconfigured' in need) return false; // a signed-in role means the station is set up
  if ('board' in need) return role !== 'kiosk' && isAllowed(role, 'queue.board');
  if ('station' in need) return role === need.station;
  return need.methods.every((m) => isAllowed(role, m));
}

/** Whether `role` may open the route by this name (an unknown name: no). */
export const canOpen = (role: Role, name: string): boolean => {
  const need = ROUTE_NEEDS[name];
  return need !== undefined && canUse(role, need);
};

/** Whether `role` may open the resolved location: every named record it matches must allow it. */
export function canReach(role: Role, to: Pick<RouteLocationNormalized, 'matched'>): boolean {
  const named = to.matched.filter((r) => typeof r.name === 'string');
  return named.length > 0 && named.every((r) => canOpen(role, r.name as string));
}
