import { SESSION_HEADER, SESSION_STORAGE_KEY } from '../shared/auth/session-transport';
import type { Session, StationRole } from '../shared/auth/schemas';

/** The staff member the fixture signs in by default (created on first run, as a hall would). */
export const E2E_SUPERVISOR = { staffNo: 'S001', name: '值班主管', secret: 'e2e-supervisor-1' };

export type SignInAs = 'supervisor' | false;

/** What a station process needs on its command line for its role. */
export const roleArgs = (station: StationRole): string[] => ['--role', station];

async function post<T>(url: string, method: string, body: unknown, session?: string): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { [SESSION_HEADER]: session } : {}),
    },
    body: JSON.stringify(body),
  });
  const reply = (await res.json()) as { ok: boolean; value?: T; error?: { code: string } };
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.code ?? res.status}`);
  return reply.value as T;
}

/** First run through the API: creates the supervisor and returns its session. */
export const setupSupervisor = (url: string): Promise<Session> =>
  post<Session>(url, 'auth.setup', {
    staffNo: E2E_SUPERVISOR.staffNo,
    name: E2E_SUPERVISOR.name,
    secret: E2E_SUPERVISOR.secret,
  });

/** Adds an account as the supervisor and signs it in over the API. */
export async function addStaff(
  url: string,
  supervisor: Session,
  account: { staffNo: string; name: string; role: 'counter' | 'guide'; secret: string },
): Promise<Session> {
  await post(url, 'auth.createAccount', account, supervisor.token);
  return post<Session>(url, 'auth.signIn', { staffNo: account.staffNo, secret: account.secret });
}

/** Placed in sessionStorage before any page script runs, where the renderer's store reads it. */
export function sessionInitScript(session: Session): { key: string; value: string } {
  return { key: SESSION_STORAGE_KEY, value: JSON.stringify(session) };
}

export { SESSION_HEADER };
