import type { RouteRecordRaw } from 'vue-router';
import KioskApply from './KioskApply.vue';
import KioskHome from './KioskHome.vue';
import KioskInfo from './KioskInfo.vue';
import KioskLayout from './KioskLayout.vue';
import KioskLookup from './KioskLookup.vue';
import KioskRate from './KioskRate.vue';
import KioskTicket from './KioskTicket.vue';
import KioskAppointment from './KioskAppointment.vue';
import KioskCheckin from './KioskCheckin.vue';

/** /kiosk/*: the customer kiosk, inside its own frame (no workbench navigation). */
export const kioskRoutes: RouteRecordRaw = {
  path: '/kiosk',
  component: KioskLayout,
  meta: { bare: true },
  children: [
    { path: '', name: 'kioskHome', component: KioskHome },
    { path: 'ticket', name: 'kioskTicket', component: KioskTicket },
    { path: 'lookup', name: 'kioskLookup', component: KioskLookup },
    { path: 'apply', name: 'kioskApply', component: KioskApply },
    { path: 'rate', name: 'kioskRate', component: KioskRate },
    { path: 'info', name: 'kioskInfo', component: KioskInfo },
    { path: 'appointment', name: 'kioskAppointment', component: KioskAppointment },
    { path: 'checkin', name: 'kioskCheckin', component: KioskCheckin },
    { path: ':rest(.*)*', redirect: '/kiosk' },
  ],
};
