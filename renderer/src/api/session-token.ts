import type { Session } from '../../../shared/auth/schemas';
import { SESSION_STORAGE_KEY } from '../../../shared/auth/session-transport';

/**
 * The signed-in session for this tab. sessionStorage: it survives a reload (F5 at the counter)
 * but not a closed window, and no other tab or site sees it.
 */
export function readSession(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    return typeof value.token === 'string' && typeof value.staffNo === 'string'
      ? (value as Session)
      : null;
  } catch {
    return null;
  }
}

const changeListeners = new Set<() => void>();

export function writeSession(session: Session | null): void {
  const before = sessionToken();
  if (session) globalThis.sessionStorage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  else globalThis.sessionStorage?.removeItem(SESSION_STORAGE_KEY);
  if (session?.token !== before) for (const listener of changeListeners) listener();
}

/** Called when the session token changes (sign-in, sign-out): the event stream reopens. */
export function onSessionChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export const sessionToken = (): string | undefined => readSession()?.token;

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called when the services answer UNAUTHENTICATED: the session expired or was ended. */
export function onSessionRejected(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifySessionRejected(): void {
  for (const listener of listeners) listener();
}
