import { useEventListener } from '@vueuse/core';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AccountKind } from '../../../shared/catalogue/types';
import type { FieldValues } from '../../../shared/api/schemas';
import type { ConflictView, DeadLetter, SyncStatusView } from '../../../shared/sync/sync-api';
import { isAllowed } from '../../../shared/api/permissions';
import { ClientError, call } from '../api/client';
import { onStreamOpen, subscribe } from '../api/events';
import { useSessionStore } from './session';

/** What the indicator says, most serious first. */
export type LinkState =
  'unreachable' | 'unconfigured' | 'halted' | 'offline' | 'connecting' | 'online';

export function linkStateOf(status: SyncStatusView | null, reachable: boolean): LinkState {
  if (!reachable) return 'unreachable';
  if (!status) return 'connecting';
  if (!status.configured) return 'unconfigured';
  if (status.halted) return 'halted';
  if (status.online) return 'online';
  // Configured but never answered yet (just started) vs. tried and failed.
  return status.lastAttemptAt === null && status.consecutiveFailures === 0
    ? 'connecting'
    : 'offline';
}

/**
 * Sync status for the always-visible indicator (read when the services push `sync.changed`,
 * when the event stream (re)opens, and on window focus) and the sync page's dead letters and
 * conflicts with the actions on them. Followers are counted, so the header and the page share
 * one subscription.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatusView | null>(null);
  /** The console's own service answered the last poll. */
  const reachable = ref(true);
  /** The caller may read the sync status (signed in, with a role that may). */
  const allowed = ref(true);
  const deadLetters = shallowRef<DeadLetter[]>([]);
  const conflicts = shallowRef<ConflictView[]>([]);
  /** Dead letters are for supervisors: the service may refuse to list them for others. */
  const deadLettersForbidden = ref(false);
  /** Conflicts are for clerks and supervisors: a guide's station is refused them. */
  const conflictsForbidden = ref(false);
  const listError = ref<unknown>(null);
  const busy = ref<string | null>(null);

  const link = computed<LinkState>(() => linkStateOf(status.value, reachable.value));
  /** Needs a person: dead letters, conflicts, a halt or any alert. */
  const problems = computed(() => {
    const s = status.value;
    if (!s) return 0;
    return s.counts.dead + s.counts.conflict + (s.halted ? 1 : 0) + (s.alerts.length > 0 ? 1 : 0);
  });

  async function refresh(): Promise<void> {
    try {
      status.value = await call('sync.status', {});
      reachable.value = true;
      allowed.value = true;
    } catch (err) {
      const code = err instanceof ClientError ? err.code : 'UNAVAILABLE';
      if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
        // Signed out (or a station that may not see sync): nothing to show, nothing is wrong.
        allowed.value = false;
        status.value = null;
      } else {
        reachable.value = false;
      }
    }
  }

  /** A list the acting role may not read is not asked for: shown as "for others", not an error. */
  async function readList<T>(
    method: 'sync.deadLetters' | 'sync.conflicts',
    into: { value: T[] },
    forbidden: { value: boolean },
  ): Promise<void> {
    const role = useSessionStore().actingRole;
    if (role !== undefined && !isAllowed(role, method)) {
      forbidden.value = true;
      into.value = [];
      return;
    }
    try {
      into.value = (await call(method, {})) as T[];
      forbidden.value = false;
    } catch (err) {
      forbidden.value = err instanceof ClientError && err.code === 'FORBIDDEN';
      into.value = [];
      if (!forbidden.value) listError.value = err;
    }
  }

  async function loadLists(): Promise<void> {
    listError.value = null;
    await Promise.all([
      readList('sync.deadLetters', deadLetters, deadLettersForbidden),
      readList('sync.conflicts', conflicts, conflictsForbidden),
    ]);
  }

  let followers = 0;
  let unfollow: (() => void) | null = null;
  // Coming back to the window refreshes at once, while anyone follows.
  useEventListener(window, 'focus', () => {
    if (unfollow) void refresh();
  });

  /**
   * Follows the status (once for all callers): read now, on every pushed `sync.changed` and
   * whenever the event stream (re)opens. Returns the function that stops this caller's.
   */
  function startFollowing(): () => void {
    followers++;
    if (followers === 1) {
      void refresh();
      const stops = [
        subscribe('sync.changed', () => void refresh()),
        onStreamOpen(() => void refresh()),
      ];
      unfollow = () => stops.forEach((stop) => stop());
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      followers--;
      if (followers === 0) {
        unfollow?.();
        unfollow = null;
      }
    };
  }

  /** Runs one action; the answer is the new status, and the lists are read again. */
  async function act(name: string, run: () => Promise<SyncStatusView>): Promise<void> {
    busy.value = name;
    try {
      status.value = await run();
      reachable.value = true;
      await loadLists();
    } finally {
      busy.value = null;
    }
  }

  const syncNow = () => act('now', () => call('sync.now', {}));
  const resume = () => act('resume', () => call('sync.resume', {}));
  const resend = (seq: number, fields?: FieldValues) =>
    act(`resend-${seq}`, () => call('sync.resendDeadLetter', fields ? { seq, fields } : { seq }));
  const discard = (seq: number, reason: string) =>
    act(`discard-${seq}`, () => call('sync.discardDeadLetter', { seq, reason }));
  const resolve = (seq: number, choice: 'keep_central' | 'send_local') =>
    act(`resolve-${seq}`, () => call('sync.resolveConflict', { seq, choice }));

  /**
   * What a dead letter's application holds now, to correct one field: masked values, enough to
   * see which field is wrong, never the full personal value.
   */
  async function correctionSource(
    applicationId: string,
  ): Promise<{ accountKind: AccountKind; fields: FieldValues }> {
    const detail = await call('applications.get', { id: applicationId });
    return { accountKind: detail.accountKind as AccountKind, fields: detail.fields };
  }

  return {
    status,
    reachable,
    allowed,
    link,
    problems,
    deadLetters,
    conflicts,
    deadLettersForbidden,
    conflictsForbidden,
    listError,
    busy,
    refresh,
    loadLists,
    startFollowing,
    syncNow,
    resume,
    resend,
    discard,
    resolve,
    correctionSource,
  };
});
