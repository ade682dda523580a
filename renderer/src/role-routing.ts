import { watch } from 'vue';
import type { Router } from 'vue-router';
import { useSessionStore } from './stores/session';
import { canReach, HOME } from './route-access';

/**
 * Keeps every role on the screens its methods allow: a typed or restored URL the role cannot
 * use goes to its home (a kiosk station to /kiosk, a guide to /guide). Until the session is
 * known nothing is decided: the sign-in screen covers the workbench meanwhile.
 */
export function installRoleGuard(router: Router): void {
  router.beforeEach((to) => {
    const session = useSessionStore();
    const role = session.state === 'open' ? session.actingRole : undefined;
    if (!role || canReach(role, to)) return true;
    return HOME[role];
  });
}

/**
 * Call once from the app root: when a session opens (sign-in, a station starting) the screen
 * follows the new role, and a sign-in that hands the station to someone new (after sign-out,
 * or another person at the lock screen) starts at that person's home, never on the previous
 * person's page. Unlocking one's own screen goes back to where one was.
 */
export function useRoleRouting(router: Router): void {
  const session = useSessionStore();
  watch(
    () => [session.state, session.actingRole, session.handovers] as const,
    ([state, role, handovers], before) => {
      if (state !== 'open' || !role) return;
      const handedOver = before !== undefined && handovers !== before[2];
      // Before the first navigation has resolved there is no current route to judge: the role
      // guard (installRoleGuard) checks that navigation itself.
      const current = router.currentRoute.value;
      if (!handedOver && current.matched.length === 0) return;
      if (handedOver || !canReach(role, current)) void router.replace(HOME[role]);
    },
    { immediate: true },
  );
}
