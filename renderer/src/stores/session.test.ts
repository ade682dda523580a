// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import { SESSION_HEADER, SESSION_STORAGE_KEY } from '../../../shared/auth/session-transport';
import { call } from '../api/client';
import { useSessionStore } from './session';

const SESSION = {
  token: 'tok-123',
  staffNo: 'C101',
  name: '柜员乙',
  role: 'counter' as const,
  idleLockMinutes: 5,
};

/** A stand-in for the services behind the preload bridge, recording every call's session. */
function fakeServices(opts: { needsSetup?: boolean; validToken?: string } = {}) {
  const calls: { method: string; session: string | undefined }[] = [];
  let valid = opts.validToken;
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = {
    invoke: async (method: string, input: unknown, session?: string) => {
      calls.push({ method, session });
      switch (method) {
        case 'auth.status':
          return {
            ok: true,
            value: {
              stationRole: 'staff',
              needsSetup: opts.needsSetup ?? false,
              staff:
                session && session === valid
                  ? { staffNo: 'C101', name: '柜员乙', role: 'counter' }
                  : null,
              idleLockMinutes: 5,
            },
          };
        case 'auth.signIn': {
          const { secret } = input as { secret: string };
          if (secret !== '482916') {
            return {
              ok: false,
              error: { code: 'UNAUTHENTICATED', message: '工号或密码错误', messageEn: 'Wrong' },
            };
          }
          valid = SESSION.token;
          return { ok: true, value: SESSION };
        }
        case 'auth.setup':
        case 'auth.recover':
          valid = SESSION.token;
          return {
            ok: true,
            value: { ...SESSION, role: 'supervisor', recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX' },
          };
        case 'auth.changeSecret':
          return session && session === valid
            ? { ok: true, value: { changed: true } }
            : {
                ok: false,
                error: { code: 'VALIDATION', message: '当前密码不正确', messageEn: 'Wrong' },
              };
        case 'auth.signOut':
          valid = undefined;
          return { ok: true, value: { signedOut: true } };
        default:
          return session && session === valid
            ? { ok: true, value: { rows: [], total: 0, more: false } }
            : {
                ok: false,
                error: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Sign in' },
              };
      }
    },
  };
  return { calls, expire: () => (valid = undefined) };
}

beforeEach(() => {
  setActivePinia(createPinia());
  sessionStorage.clear();
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
  vi.useRealTimers();
});

describe('session store', () => {
  it('shows first run when no account exists, sign-in otherwise', async () => {
    fakeServices({ needsSetup: true });
    const store = useSessionStore();
    await store.load();
    expect(store.state).toBe('setup');
    setActivePinia(createPinia());
    fakeServices();
    const again = useSessionStore();
    await again.load();
    expect(again.state).toBe('signedOut');
  });

  it('keeps a valid stored session across a reload, and drops a stale one', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    fakeServices({ validToken: SESSION.token });
    const store = useSessionStore();
    await store.load();
    expect(store.state).toBe('open');
    expect(store.staff?.staffNo).toBe('C101');

    setActivePinia(createPinia());
    fakeServices({ validToken: 'another' });
    const stale = useSessionStore();
    await stale.load();
    expect(stale.state).toBe('signedOut');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('signs in, sends the token beside (not inside) every input, and locks after idle', async () => {
    vi.useFakeTimers();
    const services = fakeServices();
    const store = useSessionStore();
    await store.load();
    await expect(store.signIn('C101', '000000')).rejects.toThrow();
    expect(store.state).toBe('signedOut');
    await store.signIn('C101', '482916');
    expect(store.state).toBe('open');
    await call('applications.list', {});
    const listCall = services.calls.find((c) => c.method === 'applications.list');
    expect(listCall?.session).toBe(SESSION.token);

    // Activity keeps it open; five quiet minutes lock it and end the server session.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    window.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(store.state).toBe('open');
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(store.state).toBe('locked');
    expect(services.calls.at(-1)).toEqual({ method: 'auth.signOut', session: SESSION.token });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(store.staff?.name).toBe('柜员乙');
  });

  it('first run shows the recovery code once and opens only after it is acknowledged', async () => {
    fakeServices({ needsSetup: true });
    const store = useSessionStore();
    await store.load();
    await store.setup('S001', '主管甲', '20262026');
    expect(store.state).toBe('recoveryCode');
    expect(store.recoveryCode).toBe('ABCD-EFGH-JKMN-PQRS-TVWX');
    // Nothing of the workbench yet: no token stored, no staff shown.
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(store.staff).toBeNull();
    store.acknowledgeRecoveryCode();
    expect(store.state).toBe('open');
    expect(store.recoveryCode).toBeNull();
    expect(store.role).toBe('supervisor');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toContain(SESSION.token);
  });

  it('recovery sends the code and the new secret, then shows the new code', async () => {
    const services = fakeServices();
    const store = useSessionStore();
    await store.load();
    await store.recover('S001', 'zzzz zzzz zzzz zzzz zzzz', 'brand-new-pass');
    expect(services.calls.at(-1)).toEqual({ method: 'auth.recover', session: undefined });
    expect(store.state).toBe('recoveryCode');
    store.acknowledgeRecoveryCode();
    expect(store.state).toBe('open');
  });

  it('changes the own secret with the session, and surfaces a refusal', async () => {
    const services = fakeServices();
    const store = useSessionStore();
    await store.load();
    await expect(store.changeSecret('482916', '13579246')).rejects.toThrow();
    await store.signIn('C101', '482916');
    await store.changeSecret('482916', '13579246');
    expect(services.calls.at(-1)).toEqual({ method: 'auth.changeSecret', session: SESSION.token });
    expect(store.state).toBe('open');
  });

  it('a session the services refuse brings the lock screen back', async () => {
    const services = fakeServices();
    const store = useSessionStore();
    await store.load();
    await store.signIn('C101', '482916');
    services.expire();
    await expect(call('applications.list', {})).rejects.toThrow();
    expect(store.state).toBe('locked');
  });
});

describe('HTTP transport', () => {
  it('puts the session in the x-hall-session header', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    const seen: Headers[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response(JSON.stringify({ ok: true, value: { rows: [], total: 0, more: false } }));
    });
    await call('applications.list', { q: 'x' });
    expect(seen[0]?.get(SESSION_HEADER)).toBe(SESSION.token);
    vi.unstubAllGlobals();
  });
});
