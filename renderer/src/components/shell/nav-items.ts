/**
 * The workbench menu, most used first: the screens a role may open are shown (route-access.ts
 * decides); what does not fit in the bar moves into the menu's own overflow entry.
 */
export interface NavItem {
  /** Route name, as in router.ts and route-access.ts. */
  name: string;
  path: string;
  /** i18n key of the label. */
  label: string;
  testId: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { name: 'new', path: '/new', label: 'nav.newApplication', testId: 'nav-new' },
  {
    name: 'applications',
    path: '/applications',
    label: 'nav.applications',
    testId: 'nav-applications',
  },
  { name: 'guide', path: '/guide', label: 'queue.navGuide', testId: 'nav-guide' },
  { name: 'queue', path: '/queue', label: 'queue.nav', testId: 'nav-queue' },
  {
    name: 'appointments',
    path: '/appointments',
    label: 'appt.nav',
    testId: 'nav-appointments',
  },
  { name: 'customers', path: '/customers', label: 'customers.nav', testId: 'nav-customers' },
  { name: 'complaints', path: '/complaints', label: 'complaints.nav', testId: 'nav-complaints' },
  { name: 'requests', path: '/requests', label: 'requests.nav', testId: 'nav-requests' },
  { name: 'supervisor', path: '/supervisor', label: 'dashboard.nav', testId: 'nav-supervisor' },
  { name: 'sync', path: '/sync', label: 'sync.nav', testId: 'nav-sync' },
  {
    name: 'queueMeasures',
    path: '/queue/measures',
    label: 'queue.navMeasures',
    testId: 'nav-queue-measures',
  },
  { name: 'staff', path: '/staff', label: 'auth.accounts.nav', testId: 'nav-staff' },
  { name: 'operations', path: '/operations', label: 'operations.nav', testId: 'nav-operations' },
  { name: 'ruleSets', path: '/rule-sets', label: 'ruleSets.nav', testId: 'nav-rule-sets' },
  { name: 'station', path: '/station', label: 'station.settingsNav', testId: 'nav-station' },
];

/** The menu entry a path belongs to: the longest item path that starts it. */
export function activeNavPath(path: string, items: readonly NavItem[]): string | undefined {
  return items
    .filter((item) => path === item.path || path.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
