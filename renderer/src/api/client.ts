import type { ApiErrorBody, ApiResult } from '../../../shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { findBridge } from './bridge';
import { SESSION_HEADER } from '../../../shared/auth/session-transport';
import { notifySessionRejected, sessionToken } from './session-token';
import { keepEarlyCall, takeEarlyCall } from './early-calls';

/** A failed call: carries the service's error body (Chinese and English messages, field). */
export class ClientError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(`${body.code}: ${body.messageEn}`);
    this.name = 'ClientError';
    this.body = body;
  }
  get code(): ApiErrorBody['code'] {
    return this.body.code;
  }
}

const NETWORK_ERROR: ApiErrorBody = {
  code: 'UNAVAILABLE',
  message: '无法连接到服务台后台，请检查服务是否运行后重试',
  messageEn: 'Cannot reach the console service; check that it is running and retry',
};

const BAD_REPLY: ApiErrorBody = {
  code: 'INTERNAL',
  message: '服务台后台返回了无法识别的应答',
  messageEn: 'The console service sent an unreadable reply',
};

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

async function overHttp(
  method: string,
  input: unknown,
  token: string | undefined,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      // The session rides in a header, never in the method input.
      headers: {
        'content-type': 'application/json',
        ...(token ? { [SESSION_HEADER]: token } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new ClientError(NETWORK_ERROR);
  }
  try {
    return await response.json();
  } catch {
    // A proxy error page or a cut connection: not our envelope.
    throw new ClientError(response.ok ? BAD_REPLY : NETWORK_ERROR);
  }
}

async function overBridge(
  method: string,
  input: unknown,
  token: string | undefined,
): Promise<unknown> {
  const bridge = findBridge();
  if (!bridge) throw new ClientError(NETWORK_ERROR);
  try {
    return await bridge.invoke(method, input ?? {}, token);
  } catch {
    throw new ClientError(NETWORK_ERROR);
  }
}

const SIGN_IN_METHODS = new Set<string>(['auth.signIn', 'auth.setup']);

const send = (method: string, input: unknown, token: string | undefined): Promise<unknown> =>
  findBridge() ? overBridge(method, input, token) : overHttp(method, input, token);

/** A successful answer to the same call sent at start (early-calls.ts), or null. */
async function earlySuccess(
  method: string,
  input: unknown,
  token: string | undefined,
): Promise<unknown> {
  const kept = takeEarlyCall(method, input, token);
  if (!kept) return null;
  const reply = await kept.catch(() => null);
  return isEnvelope(reply) && reply.ok ? reply : null;
}

/**
 * Calls one method of the API contract: over the preload's IPC bridge inside Electron, over
 * HTTP to the web host otherwise. Resolves with the value or throws a ClientError.
 */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const token = sessionToken();
  const reply = (await earlySuccess(method, input, token)) ?? (await send(method, input, token));
  if (!isEnvelope(reply)) throw new ClientError(BAD_REPLY);
  if (!reply.ok) {
    // A wrong password at sign-in is not a lost session; nor is a refusal of a call sent with
    // an older token (or none) while someone signed in meanwhile: only the current one counts.
    if (
      reply.error.code === 'UNAUTHENTICATED' &&
      !SIGN_IN_METHODS.has(method) &&
      token === sessionToken()
    ) {
      notifySessionRejected();
    }
    throw new ClientError(reply.error);
  }
  return reply.value as MethodOutput<M>;
}

/**
 * Sends a call now, for a screen that will ask for the same thing once it has rendered: its
 * `call` then takes this answer. Nothing is reported from here (a refusal is asked again).
 */
export function callEarly<M extends MethodName>(method: M, input: MethodInput<M>): void {
  const token = sessionToken();
  keepEarlyCall(method, input, token, send(method, input, token));
}

/** Which transport `call` will use; shown in the status bar. */
export const transportName = (): 'ipc' | 'http' => (findBridge() ? 'ipc' : 'http');
