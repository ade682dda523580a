// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import type { SyncStatusView } from '../../../shared/sync/sync-api';
import { installBridge, removeBridge } from '../testing/mount-app';
import {
  EVENT_CHANNEL,
  EVENTS_OPEN_CHANNEL,
  createEventSubscriptions,
} from '../../../shared/api/channels';
import { useSessionStore } from './session';
import { linkStateOf, useSyncStore } from './sync';

const status = (over: Partial<SyncStatusView> = {}): SyncStatusView => ({
  configured: true,
  online: false,
  halted: null,
  registered: false,
  counts: {
    created: 0,
    acknowledged: 0,
    dead: 0,
    conflict: 0,
    pending: 0,
    discarded: 0,
    blocked: 0,
    waiting: { application: 0, customer: 0, request: 0, alert: 0, other: 0 },
  },
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  consecutiveFailures: 0,
  nextAttemptAt: null,
  pullCursor: 0,
  alerts: [],
  ...over,
});

describe('linkStateOf: what the header says', () => {
  it('puts an unreachable console service and a missing configuration before the link', () => {
    expect(linkStateOf(status({ online: true }), false)).toBe('unreachable');
    expect(linkStateOf(status({ configured: false }), true)).toBe('unconfigured');
    expect(linkStateOf(null, true)).toBe('connecting');
  });

  it('says halted over online, offline after a failed attempt, connecting before any', () => {
    expect(linkStateOf(status({ online: true, halted: 'forbidden' }), true)).toBe('halted');
    expect(linkStateOf(status({ online: true }), true)).toBe('online');
    const at = '2026-03-02T10:00:00+08:00';
    expect(linkStateOf(status({ lastAttemptAt: at, consecutiveFailures: 3 }), true)).toBe(
      'offline',
    );
    expect(linkStateOf(status(), true)).toBe('connecting');
  });
});

describe('the sync store', () => {
  let answer: (method: string) => ApiResult<unknown>;
  beforeEach(() => {
    setActivePinia(createPinia());
    installBridge({ invoke: async (method) => answer(method) });
  });
  afterEach(() => removeBridge());

  const refused = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE') => () => ({
    ok: false as const,
    error: { code, message: '拒绝', messageEn: 'Refused' },
  });

  it('counts dead letters, conflicts, a halt and alerts as problems for a person', async () => {
    answer = () => ({
      ok: true,
      value: status({
        halted: 'forbidden',
        counts: { ...status().counts, created: 5, dead: 2, conflict: 1, acknowledged: 2 },
      }),
    });
    const sync = useSyncStore();
    await sync.refresh();
    expect(sync.problems).toBe(4);
    expect(sync.link).toBe('halted');
  });

  it('hides itself when signed out, and says unreachable when the service does not answer', async () => {
    const sync = useSyncStore();
    answer = refused('UNAUTHENTICATED');
    await sync.refresh();
    expect(sync.allowed).toBe(false);
    expect(sync.reachable).toBe(true);
    answer = refused('UNAVAILABLE');
    await sync.refresh();
    expect(sync.link).toBe('unreachable');
    answer = () => ({ ok: true, value: status({ online: true }) });
    await sync.refresh();
    expect([sync.allowed, sync.link]).toEqual([true, 'online']);
  });

  it('tells a supervisor-only refusal of dead letters apart from a failure', async () => {
    const sync = useSyncStore();
    answer = (method) =>
      method === 'sync.deadLetters' ? refused('FORBIDDEN')() : { ok: true, value: [] };
    await sync.loadLists();
    expect(sync.deadLettersForbidden).toBe(true);
    expect(sync.listError).toBeNull();
    answer = (method) =>
      method === 'sync.deadLetters' ? refused('UNAVAILABLE')() : { ok: true, value: [] };
    await sync.loadLists();
    expect(sync.deadLettersForbidden).toBe(false);
    expect(sync.listError).not.toBeNull();
  });

  it('tells a refusal of conflicts (a guide) apart from a failure', async () => {
    const sync = useSyncStore();
    answer = (method) =>
      method === 'sync.conflicts' ? refused('FORBIDDEN')() : { ok: true, value: [] };
    await sync.loadLists();
    expect([sync.conflictsForbidden, sync.listError]).toEqual([true, null]);
    answer = (method) =>
      method === 'sync.conflicts' ? refused('UNAVAILABLE')() : { ok: true, value: [] };
    await sync.loadLists();
    expect(sync.conflictsForbidden).toBe(false);
    expect(sync.listError).not.toBeNull();
  });

  it('does not ask for a list the acting role may not read (a guide: neither list)', async () => {
    useSessionStore().staff = { staffNo: 'G1', name: '引导员', role: 'guide' };
    const asked: string[] = [];
    answer = (method) => {
      asked.push(method);
      return { ok: true, value: [] };
    };
    await useSyncStore().loadLists();
    expect(asked).toEqual([]);
    expect(useSyncStore().conflictsForbidden).toBe(true);
    useSessionStore().staff = { staffNo: 'C1', name: '柜员', role: 'counter' };
    await useSyncStore().loadLists();
    expect(asked).toEqual(['sync.conflicts']);
  });

  it('reads on pushed events and on the stream opening, with no timer, while anyone follows', async () => {
    vi.useFakeTimers();
    // The Electron bridge as the preload builds it, over a stand-in for the main process.
    const handlers = new Set<(event: unknown, message: unknown) => void>();
    const push = (message: unknown) => handlers.forEach((h) => h({}, message));
    const events = createEventSubscriptions({
      on: (channel, h) => channel === EVENT_CHANNEL && handlers.add(h),
      removeListener: (_channel, h) => handlers.delete(h),
    });
    const opened: string[] = [];
    let reads = 0;
    answer = (method) => {
      if (method === 'events.ticket') return { ok: true, value: { ticket: 't'.repeat(32) } };
      reads++;
      return { ok: true, value: status() };
    };
    installBridge({
      invoke: async (method) => answer(method),
      openEvents: (ticket) => {
        opened.push(`${EVENTS_OPEN_CHANNEL} ${ticket.length}`);
        queueMicrotask(() => push({ stream: 'opened' }));
      },
      subscribe: events.subscribe,
      onStreamState: events.onStreamState,
    });
    const sync = useSyncStore();
    const stopHeader = sync.startFollowing();
    const stopPage = sync.startFollowing();
    await vi.advanceTimersByTimeAsync(0);
    // The stream's transports load beside the first ticket (a chunk of their own: api/events.ts).
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(0);
    // One read at once and one as the stream opened; one stream for both followers.
    expect([reads, opened]).toEqual([2, ['hall:events.open 32']]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(reads).toBe(2);
    push({ name: 'sync.changed', payload: {} });
    push({ name: 'queue.changed', payload: { kind: 'issue', version: null, board: null } });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(3);
    stopPage();
    stopPage(); // a second stop from the same caller changes nothing
    push({ name: 'sync.changed', payload: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(4);
    stopHeader();
    push({ name: 'sync.changed', payload: {} });
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(4);
    vi.useRealTimers();
  });
});
