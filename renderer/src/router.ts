import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { kioskRoutes } from './views/kiosk/routes';
import { installRoleGuard } from './role-routing';
import { useStationStore } from './stores/station';

// Every screen is its own chunk, loaded when its route is first entered: a station loads only
// its role's screens (a kiosk never parses the workbench, a counter never the dashboard's
// ECharts), and the entry chunk holds only the shell. The chunks come from local disk (or the
// web host on 127.0.0.1), so the extra request per screen costs milliseconds.
const NewApplicationView = () => import('./views/NewApplicationView.vue');

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/new' },
  { path: '/new', name: 'new', component: NewApplicationView },
  { path: '/drafts/:id', name: 'draft', component: NewApplicationView, props: true },
  {
    path: '/applications',
    name: 'applications',
    component: () => import('./views/ApplicationListView.vue'),
  },
  {
    path: '/applications/:id',
    name: 'detail',
    component: () => import('./views/ApplicationDetailView.vue'),
    props: true,
  },
  {
    path: '/applications/:id/receipt',
    name: 'receipt',
    component: () => import('./views/ReceiptView.vue'),
    props: true,
  },
  { path: '/sync', name: 'sync', component: () => import('./views/sync/index.vue') },
  { path: '/staff', name: 'staff', component: () => import('./views/auth/StaffAccountsView.vue') },
  { path: '/guide', name: 'guide', component: () => import('./views/guide/GuideView.vue') },
  {
    path: '/appointments',
    name: 'appointments',
    component: () => import('./views/appointments/AppointmentsView.vue'),
  },
  {
    path: '/queue',
    name: 'queue',
    component: () => import('./views/counter/CallingPanelView.vue'),
  },
  {
    path: '/queue/measures',
    name: 'queueMeasures',
    component: () => import('./views/counter/QueueMeasuresView.vue'),
  },
  // Customer-facing screens: no workbench header (meta.bare, see App.vue).
  {
    path: '/display',
    name: 'display',
    component: () => import('./views/display/DisplayView.vue'),
    meta: { bare: true },
  },
  kioskRoutes,
  {
    path: '/customers',
    name: 'customers',
    component: () => import('./views/customers/CustomersView.vue'),
  },
  {
    path: '/complaints',
    name: 'complaints',
    component: () => import('./views/supervisor/ComplaintListView.vue'),
  },
  {
    path: '/complaints/:id',
    name: 'complaint',
    component: () => import('./views/supervisor/ComplaintDetailView.vue'),
    props: true,
  },
  {
    path: '/supervisor',
    name: 'supervisor',
    // ECharts is most of the bundle and only the supervisor's dashboard needs it.
    component: () => import('./views/supervisor/dashboard/index.vue'),
  },
  {
    path: '/operations',
    name: 'operations',
    component: () => import('./views/supervisor/OperationsView.vue'),
  },
  {
    path: '/rule-sets',
    name: 'ruleSets',
    component: () => import('./views/supervisor/rule-sets/RuleSetsView.vue'),
  },
  {
    path: '/hall-alerts',
    name: 'hallAlerts',
    component: () => import('./views/supervisor/alerts/HallAlertsView.vue'),
  },
  {
    path: '/sensitive',
    name: 'sensitive',
    component: () => import('./views/supervisor/sensitive/SensitiveListView.vue'),
  },
  {
    path: '/requests',
    name: 'requests',
    component: () => import('./views/requests/RequestsView.vue'),
  },
  // First start: every route leads here until the station is set up (see the guard below).
  {
    path: '/setup',
    name: 'setup',
    component: () => import('./views/setup/StationSetupView.vue'),
    meta: { bare: true, setup: true },
  },
  {
    path: '/station',
    name: 'station',
    component: () => import('./views/setup/StationSettingsView.vue'),
  },
  { path: '/:pathMatch(.*)*', redirect: '/new' },
];

/** Hash history: works from file://, the app:// protocol and the web host alike. */
export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes });
  router.beforeEach(async (to) => {
    const station = useStationStore();
    // A service that cannot answer leaves the routes as they are (its own screens say so).
    const state = await station.load().catch(() => null);
    if (!state) return true;
    if (!state.configured) return to.name === 'setup' ? true : { name: 'setup' };
    return to.name === 'setup' ? '/' : true;
  });
  installRoleGuard(router);
  return router;
}
