import type { RouteRecordRaw } from 'vue-router';
import type * as Screens from './screens';

type Screen = keyof typeof Screens;
/** One kiosk screen from the kiosk's own chunk (screens.ts), loaded on the first visit. */
const screen = (name: Screen) => () => import('./screens').then((m) => m[name]);

/**
 * /kiosk/*: the customer kiosk, inside its own frame (no workbench navigation). Only a kiosk
 * station ever enters these routes, so the workbench never loads them (router.ts).
 */
export const kioskRoutes: RouteRecordRaw = {
  path: '/kiosk',
  component: screen('KioskLayout'),
  meta: { bare: true },
  children: [
    { path: '', name: 'kioskHome', component: screen('KioskHome') },
    { path: 'ticket', name: 'kioskTicket', component: screen('KioskTicket') },
    { path: 'lookup', name: 'kioskLookup', component: screen('KioskLookup') },
    { path: 'apply', name: 'kioskApply', component: screen('KioskApply') },
    { path: 'rate', name: 'kioskRate', component: screen('KioskRate') },
    { path: 'info', name: 'kioskInfo', component: screen('KioskInfo') },
    { path: 'appointment', name: 'kioskAppointment', component: screen('KioskAppointment') },
    { path: 'checkin', name: 'kioskCheckin', component: screen('KioskCheckin') },
    { path: ':rest(.*)*', redirect: '/kiosk' },
  ],
};
