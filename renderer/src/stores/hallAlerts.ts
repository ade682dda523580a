import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { Router } from 'vue-router';
import type {
  AlertRaiseInput,
  AlertSuggestion,
  CustomerNotice,
  HallAlert,
} from '../../../shared/api/methods/alerts';
import type { AlertThresholds } from '../../../shared/alerts';
import { call } from '../api/client';
import { subscribe } from '../api/events';
import { MAX_TIMER_MS, nextAlertBoundary } from './alert-boundary';
import { useSessionStore } from './session';

/**
 * The hall alerts every screen shows: staff get the alerts in force (banner, prepared answers),
 * the kiosk and the display only the customer notices. One `refresh()` for every trigger: a
 * navigation, each sync status poll of the staff workbench, the display's board poll, and
 * (once the event channel exists) an `alert` event. No polling loop of its own.
 */
export const useHallAlertsStore = defineStore('hallAlerts', () => {
  const session = useSessionStore();
  const alerts = shallowRef<HallAlert[]>([]);
  const notices = shallowRef<CustomerNotice[]>([]);
  const suggestion = shallowRef<AlertSuggestion | null>(null);
  const busy = ref(false);

  let inFlight: Promise<void> | null = null;
  let boundaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** An alert starting or ending is no event: read again at the next such time. */
  function readAgainAtNextBoundary(): void {
    clearTimeout(boundaryTimer);
    const next = nextAlertBoundary([...alerts.value, ...notices.value], Date.now());
    if (next === null) return;
    const wait = Math.min(next - Date.now() + 500, MAX_TIMER_MS);
    boundaryTimer = setTimeout(() => void refresh(), wait);
  }
  async function load(): Promise<void> {
    try {
      if (session.stationRole === 'staff') {
        if (session.state !== 'open') return;
        alerts.value = (await call('alerts.current', {})).alerts;
      } else {
        notices.value = (await call('alerts.notices', {})).notices;
      }
      readAgainAtNextBoundary();
    } catch {
      // Signed out or unreachable: keep what was shown; the next trigger tries again.
    }
  }
  /** The one entry point; calls arriving while one is on its way share it. */
  function refresh(): Promise<void> {
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function raise(input: AlertRaiseInput): Promise<HallAlert> {
    busy.value = true;
    try {
      const raised = await call('alerts.raise', input);
      await refresh();
      return raised;
    } finally {
      busy.value = false;
    }
  }
  async function end(id: string): Promise<void> {
    await call('alerts.end', { id });
    await refresh();
  }
  async function suggest(): Promise<void> {
    suggestion.value = await call('alerts.suggest', {});
  }
  async function saveThresholds(t: AlertThresholds): Promise<void> {
    suggestion.value = await call('alerts.setThresholds', t);
  }

  /**
   * Wires the triggers once (main.ts): navigation, the pushed `alerts.changed` (also sent when a
   * sync pulled different alerts from central) and sign-in. Not every sync status: with the link
   * down that changes on each retry, and each would cost a read of the alerts for nothing.
   */
  function install(router: Router): void {
    router.afterEach(() => void refresh());
    // Pushed alerts only while the station is open (signed in, or a kiosk/display): on a staff
    // station's sign-in screen the stream's ticket is refused, a 401 on every start.
    let unsubscribe: (() => void) | null = null;
    watch(
      () => session.state === 'open',
      (open) => {
        if (open && !unsubscribe) unsubscribe = subscribe('alerts.changed', () => void refresh());
        if (!open && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      },
      { immediate: true },
    );
    watch(
      () => session.state,
      () => void refresh(),
    );
  }

  return {
    alerts,
    notices,
    suggestion,
    busy,
    refresh,
    raise,
    end,
    suggest,
    saveThresholds,
    install,
  };
});
