// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSession } from '../api/session-token';
import { installBridge, removeBridge } from '../testing/mount-app';
import { useHallAlertsStore } from './hallAlerts';
import { useSessionStore } from './session';

/**
 * The hall alerts follow the pushed `alerts.changed` only while the station is open: a staff
 * station's sign-in screen asked for an event-stream ticket and got a 401 on every start.
 */
const SUPERVISOR = { staffNo: 'S001', name: '值班主管', role: 'supervisor' } as const;

function bridgeRecording(calls: string[]) {
  installBridge({
    invoke: async (method) => {
      calls.push(method);
      if (method === 'events.ticket') return { ok: true, value: { ticket: 'T'.repeat(32) } };
      if (method === 'alerts.current') return { ok: true, value: { alerts: [], notices: [] } };
      return { ok: true, value: { notices: [] } };
    },
  });
}

afterEach(() => {
  removeBridge();
  sessionStorage.clear();
});

describe('hall alerts: the event stream waits for an open station', () => {
  it('asks no event ticket on the sign-in screen, and asks one once someone signs in', async () => {
    const calls: string[] = [];
    bridgeRecording(calls);
    setActivePinia(createPinia());
    const session = useSessionStore();
    session.applyStatus({
      stationRole: 'staff',
      needsSetup: false,
      staff: null,
      idleLockMinutes: 5,
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [] });
    useHallAlertsStore().install(router);
    await flushPromises();
    expect(session.state).toBe('signedOut');
    expect(calls.filter((m) => m === 'events.ticket')).toEqual([]);

    writeSession({ token: 'x'.repeat(43), ...SUPERVISOR, idleLockMinutes: 5 });
    session.applyStatus({
      stationRole: 'staff',
      needsSetup: false,
      staff: SUPERVISOR,
      idleLockMinutes: 5,
    });
    expect(session.state).toBe('open');
    await flushPromises();
    expect(calls).toContain('events.ticket');
  });
});
