// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import type { SyncStatusView } from '../../../shared/sync/sync-api';
import { installBridge, removeBridge } from '../testing/mount-app';
import { SYNC_POLL_MS, linkStateOf, useSyncStore } from './sync';

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

  it('polls on one shared timer while anyone asks, and stops when the last one leaves', async () => {
    vi.useFakeTimers();
    let polls = 0;
    answer = () => {
      polls++;
      return { ok: true, value: status() };
    };
    const sync = useSyncStore();
    const stopHeader = sync.startPolling();
    const stopPage = sync.startPolling();
    await vi.advanceTimersByTimeAsync(3 * SYNC_POLL_MS);
    // One immediate refresh and one per interval, however many callers poll.
    expect(polls).toBe(4);
    stopPage();
    stopPage(); // a second stop from the same caller changes nothing
    await vi.advanceTimersByTimeAsync(SYNC_POLL_MS);
    expect(polls).toBe(5);
    stopHeader();
    await vi.advanceTimersByTimeAsync(3 * SYNC_POLL_MS);
    window.dispatchEvent(new Event('focus'));
    expect(polls).toBe(5);
    vi.useRealTimers();
  });
});
