import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import ApplicationDetailView from './views/ApplicationDetailView.vue';
import ApplicationListView from './views/ApplicationListView.vue';
import NewApplicationView from './views/NewApplicationView.vue';
import ReceiptView from './views/ReceiptView.vue';
import StaffAccountsView from './views/auth/StaffAccountsView.vue';
import SyncView from './views/sync/index.vue';
import ComplaintDetailView from './views/supervisor/ComplaintDetailView.vue';
import ComplaintListView from './views/supervisor/ComplaintListView.vue';
import CallingPanelView from './views/counter/CallingPanelView.vue';
import QueueMeasuresView from './views/counter/QueueMeasuresView.vue';
import DisplayView from './views/display/DisplayView.vue';
import GuideView from './views/guide/GuideView.vue';
import OperationsView from './views/supervisor/OperationsView.vue';
import RuleSetsView from './views/supervisor/rule-sets/RuleSetsView.vue';
import HallAlertsView from './views/supervisor/alerts/HallAlertsView.vue';
import RequestsView from './views/requests/RequestsView.vue';
import { kioskRoutes } from './views/kiosk/routes';
import { installRoleGuard } from './role-routing';
import StationSetupView from './views/setup/StationSetupView.vue';
import StationSettingsView from './views/setup/StationSettingsView.vue';
import { useStationStore } from './stores/station';

// Views are bundled eagerly: the app is served from local disk, and a lazy chunk per view only
// added a request waterfall before the first screen.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/new' },
  { path: '/new', name: 'new', component: NewApplicationView },
  { path: '/drafts/:id', name: 'draft', component: NewApplicationView, props: true },
  { path: '/applications', name: 'applications', component: ApplicationListView },
  { path: '/applications/:id', name: 'detail', component: ApplicationDetailView, props: true },
  { path: '/applications/:id/receipt', name: 'receipt', component: ReceiptView, props: true },
  { path: '/sync', name: 'sync', component: SyncView },
  { path: '/staff', name: 'staff', component: StaffAccountsView },
  { path: '/guide', name: 'guide', component: GuideView },
  { path: '/queue', name: 'queue', component: CallingPanelView },
  { path: '/queue/measures', name: 'queueMeasures', component: QueueMeasuresView },
  // Customer-facing screens: no workbench header (meta.bare, see App.vue).
  { path: '/display', name: 'display', component: DisplayView, meta: { bare: true } },
  kioskRoutes,
  { path: '/complaints', name: 'complaints', component: ComplaintListView },
  { path: '/complaints/:id', name: 'complaint', component: ComplaintDetailView, props: true },
  {
    path: '/supervisor',
    name: 'supervisor',
    // ECharts is most of the bundle and only the supervisor's dashboard needs it: load on demand.
    component: () => import('./views/supervisor/dashboard/index.vue'),
  },
  { path: '/operations', name: 'operations', component: OperationsView },
  { path: '/rule-sets', name: 'ruleSets', component: RuleSetsView },
  { path: '/hall-alerts', name: 'hallAlerts', component: HallAlertsView },
  { path: '/requests', name: 'requests', component: RequestsView },
  // First start: every route leads here until the station is set up (see the guard below).
  { path: '/setup', name: 'setup', component: StationSetupView, meta: { bare: true, setup: true } },
  { path: '/station', name: 'station', component: StationSettingsView },
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
