import type { RouteRecordRaw } from 'vue-router';

/**
 * /kiosk/*: the customer kiosk, inside its own frame (no workbench navigation). Loaded on
 * demand, as every screen (router.ts): only a kiosk station ever enters these routes.
 */
export const kioskRoutes: RouteRecordRaw = {
  path: '/kiosk',
  component: () => import('./KioskLayout.vue'),
  meta: { bare: true },
  children: [
    { path: '', name: 'kioskHome', component: () => import('./KioskHome.vue') },
    { path: 'ticket', name: 'kioskTicket', component: () => import('./KioskTicket.vue') },
    { path: 'lookup', name: 'kioskLookup', component: () => import('./KioskLookup.vue') },
    { path: 'apply', name: 'kioskApply', component: () => import('./KioskApply.vue') },
    { path: 'rate', name: 'kioskRate', component: () => import('./KioskRate.vue') },
    { path: 'info', name: 'kioskInfo', component: () => import('./KioskInfo.vue') },
    { path: ':rest(.*)*', redirect: '/kiosk' },
  ],
};
