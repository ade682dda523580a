import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type {
  AuthStatus,
  Session,
  SessionWithRecovery,
  StaffRole,
  StationRole,
} from '../../../shared/auth/schemas';
import type { Role } from '../../../shared/api/permissions';
import { call } from '../api/client';
import { useIdleAfter } from '../composables/useIdleAfter';
import { onSessionRejected, readSession, writeSession } from '../api/session-token';

/**
 * loading → setup (no account yet) | signedOut | open; open → locked after idle input;
 * setup and recovery → recoveryCode (the new one-time code, shown once) → open;
 * kiosk and display stations are always open (no sign-in).
 */
export type SessionState = 'loading' | 'setup' | 'signedOut' | 'locked' | 'recoveryCode' | 'open';

const ACTIVITY_EVENTS: (keyof WindowEventMap)[] = ['pointerdown', 'keydown', 'wheel', 'touchstart'];

/** Staff sign-in for this tab: the state the auth gate in App.vue shows, and idle auto-lock. */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>('loading');
  const stationRole = ref<StationRole>('staff');
  const staff = ref<{ staffNo: string; name: string; role: StaffRole } | null>(null);
  const idleLockMinutes = ref(5);
  /** The one-time recovery code to show now; dropped as soon as it has been acknowledged. */
  const recoveryCode = ref<string | null>(null);
  let pending: Session | null = null;
  const role = computed(() => (stationRole.value === 'staff' ? staff.value?.role : undefined));
  /** The role the screens are chosen by: the signed-in staff member's, or the station's own. */
  const actingRole = computed<Role | undefined>(() =>
    stationRole.value === 'staff' ? staff.value?.role : stationRole.value,
  );
  /**
   * Counts sign-ins that hand the station to someone new (after a sign-out, or another person
   * at the lock screen): each starts at that person's home. Unlocking one's own screen does not.
   */
  const handovers = ref(0);

  // Idle auto-lock: watched only while a staff session is open, counted from its opening.
  // Returning to the tab is not activity: a screen left in the background still locks.
  const idleWatched = ref(false);
  const { idle } = useIdleAfter(() => (idleWatched.value ? idleLockMinutes.value * 60_000 : null), {
    events: ACTIVITY_EVENTS,
    listenForVisibilityChange: false,
  });
  watch(
    idle,
    (isIdle) => {
      if (isIdle && state.value === 'open') void lock();
    },
    { flush: 'sync' },
  );

  function startIdleWatch(): void {
    // A fresh watch each time a session opens, even if the previous one was never stopped.
    idleWatched.value = false;
    idleWatched.value = true;
  }

  function stopIdleWatch(): void {
    idleWatched.value = false;
  }

  function open(session: Session, fresh = true): void {
    if (fresh && staff.value?.staffNo !== session.staffNo) handovers.value += 1;
    writeSession(session);
    staff.value = { staffNo: session.staffNo, name: session.name, role: session.role };
    idleLockMinutes.value = session.idleLockMinutes;
    state.value = 'open';
    startIdleWatch();
  }

  /** Reads the sign-in state again (`auth.status`). */
  async function load(): Promise<void> {
    let status;
    try {
      status = await call('auth.status', {});
    } catch {
      // The service is not up yet: the sign-in form shows the error when used.
      state.value = 'signedOut';
      return;
    }
    applyStatus(status);
  }

  /**
   * Takes a sign-in state the services answered (the start-up call's `auth`); null: the
   * service could not say (not up, or the station not set up yet).
   */
  function applyStatus(status: AuthStatus | null): void {
    if (!status) {
      state.value = 'signedOut';
      return;
    }
    stationRole.value = status.stationRole;
    idleLockMinutes.value = status.idleLockMinutes;
    if (status.stationRole !== 'staff') {
      state.value = 'open';
      return;
    }
    const stored = readSession();
    if (status.staff && stored) {
      open({ ...stored, ...status.staff, idleLockMinutes: status.idleLockMinutes }, false);
      return;
    }
    writeSession(null);
    staff.value = null;
    state.value = status.needsSetup ? 'setup' : 'signedOut';
  }

  /** Holds the session back until the supervisor has written the recovery code down. */
  function showRecoveryCode({ recoveryCode: code, ...session }: SessionWithRecovery): void {
    pending = session;
    recoveryCode.value = code;
    state.value = 'recoveryCode';
  }

  function acknowledgeRecoveryCode(): void {
    recoveryCode.value = null;
    const session = pending;
    pending = null;
    if (session) open(session);
    else state.value = 'signedOut';
  }

  async function setup(staffNo: string, name: string, secret: string): Promise<void> {
    showRecoveryCode(await call('auth.setup', { staffNo, name, secret }));
  }

  /** Forgotten secret or locked out: the supervisor's recovery code sets a new secret. */
  async function recover(staffNo: string, code: string, newSecret: string): Promise<void> {
    showRecoveryCode(await call('auth.recover', { staffNo, recoveryCode: code, newSecret }));
  }

  async function changeSecret(current: string, next: string): Promise<void> {
    await call('auth.changeSecret', { current, next });
  }

  async function signIn(staffNo: string, secret: string): Promise<void> {
    open(await call('auth.signIn', { staffNo, secret }));
  }

  /** Ends the server session at once: a locked screen holds no usable token. */
  async function lock(): Promise<void> {
    if (state.value !== 'open' || stationRole.value !== 'staff') return;
    state.value = 'locked';
    stopIdleWatch();
    const hadToken = readSession() !== null;
    try {
      if (hadToken) await call('auth.signOut', {});
    } catch {
      // Offline or already expired: the token is dropped below either way.
    }
    writeSession(null);
  }

  async function signOut(): Promise<void> {
    await lock();
    staff.value = null;
    state.value = 'signedOut';
  }

  // The services refused the session (expired, reset, locked by a supervisor): ask again.
  onSessionRejected(() => {
    if (state.value === 'open' && stationRole.value === 'staff') {
      stopIdleWatch();
      writeSession(null);
      state.value = staff.value ? 'locked' : 'signedOut';
    }
  });

  return {
    state,
    stationRole,
    staff,
    role,
    actingRole,
    handovers,
    idleLockMinutes,
    recoveryCode,
    load,
    applyStatus,
    setup,
    recover,
    acknowledgeRecoveryCode,
    changeSecret,
    signIn,
    lock,
    signOut,
  };
});
