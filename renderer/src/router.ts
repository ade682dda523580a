import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/new' },
  { path: '/new', name: 'new', component: () => import('./views/NewApplicationView.vue') },
  {
    path: '/drafts/:id',
    name: 'draft',
    component: () => import('./views/NewApplicationView.vue'),
    props: true,
  },
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
  { path: '/:pathMatch(.*)*', redirect: '/new' },
];

/** Hash history: works from file://, the app:// protocol and the web host alike. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
