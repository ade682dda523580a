import { computed, watchEffect } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../../stores/session';

/**
 * Keeps an unattended station on its own screens: a kiosk station shows only /kiosk/*, a
 * display station only /display, whatever URL is typed or restored. Returns whether the
 * current route is a bare screen (no workbench header and navigation).
 */
export function useStationRouting() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  watchEffect(() => {
    const home =
      session.stationRole === 'kiosk'
        ? '/kiosk'
        : session.stationRole === 'display'
          ? '/display'
          : null;
    if (home && !route.path.startsWith(home)) void router.replace(home);
  });
  return computed(() => route.meta.bare === true);
}
