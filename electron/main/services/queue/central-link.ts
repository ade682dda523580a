import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db';
import { createSyncState } from '../sync/sync-state';
import { DeviceCredentialsSchema, RefreshResponseSchema } from '../../../../shared/sync/protocol';
import {
  QUEUE_OPS,
  QueueErrorBodySchema,
  type QueueErrorBody,
  type QueueOp,
  type QueueOpInput,
  type QueueOpOutput,
} from '../../../../shared/queue/protocol';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The shared queue did not answer (or answered something unreadable): the station is offline. */
export class QueueUnreachable extends Error {
  constructor(readonly detail: string) {
    super(`queue link: ${detail}`);
    this.name = 'QueueUnreachable';
  }
}

/** The shared queue answered and refused: a business answer, shown to the user. */
export class QueueRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: QueueErrorBody,
  ) {
    super(`queue refused: ${status} ${body.code}`);
    this.name = 'QueueRefused';
  }
}

export interface CentralLinkOptions {
  db: Database;
  baseUrl: string;
  hallCode: string;
  stationCode: string;
  registrationSecret: string;
  fetch?: FetchLike;
  /** Counters wait on these calls: keep them short (default 4 s). */
  timeoutMs?: number;
  now?: () => number;
}

export interface LinkHealth {
  online: boolean;
  lastError: string | null;
  lastSuccessAt: number | null;
}

/**
 * Calls `POST /v1/queue/<op>` on the central system with this station's device token. The
 * device registration and tokens are the ones the sync engine keeps in sync_state (same
 * installation id → same device), so a station is one device for sync and queue alike.
 */
export function createCentralLink(opts: CentralLinkOptions) {
  const state = createSyncState(opts.db);
  const fetchFn: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const base = opts.baseUrl.replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? 4000;
  const now = opts.now ?? Date.now;
  const health: LinkHealth = { online: false, lastError: null, lastSuccessAt: null };

  async function send(
    path: string,
    body: unknown,
    token?: string,
  ): Promise<{ status: number; json: unknown }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetchFn(`${base}${path}`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new QueueUnreachable(`HTTP ${res.status} body is not JSON`);
      }
      return { status: res.status, json };
    } catch (err) {
      if (err instanceof QueueUnreachable) throw err;
      // The class only: a fetch error's message can quote the URL.
      throw new QueueUnreachable(
        controller.signal.aborted ? `no answer within ${timeoutMs} ms` : errorName(err),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function register(): Promise<string> {
    const installationId = state.installationId(uuidv7);
    const res = await send('/v1/devices/register', {
      hallCode: opts.hallCode,
      stationCode: opts.stationCode,
      installationId,
      registrationSecret: opts.registrationSecret,
    });
    const creds = DeviceCredentialsSchema.safeParse(res.json);
    if (res.status >= 300 || !creds.success) throw refusedOrUnreachable(res);
    state.saveCredentials(creds.data);
    return creds.data.token;
  }

  async function refreshed(): Promise<string> {
    const creds = state.credentials();
    if (!creds) return register();
    const res = await send('/v1/devices/token', {
      deviceId: creds.deviceId,
      refreshToken: creds.refreshToken,
    });
    const parsed = RefreshResponseSchema.safeParse(res.json);
    if (res.status < 300 && parsed.success) {
      state.saveToken(parsed.data.token, parsed.data.tokenExpiresAt);
      return parsed.data.token;
    }
    if (res.status === 401) return register();
    throw refusedOrUnreachable(res);
  }

  async function call<O extends QueueOp>(op: O, input: QueueOpInput<O>): Promise<QueueOpOutput<O>> {
    try {
      let token = state.credentials()?.token ?? (await register());
      let res = await send(`/v1/queue/${op}`, input, token);
      if (res.status === 401) {
        token = await refreshed();
        res = await send(`/v1/queue/${op}`, input, token);
      }
      if (res.status >= 300) throw refusedOrUnreachable(res);
      const parsed = QUEUE_OPS[op].output.safeParse(res.json);
      if (!parsed.success) throw new QueueUnreachable(`HTTP ${res.status} answer does not match`);
      health.online = true;
      health.lastError = null;
      health.lastSuccessAt = now();
      return parsed.data as QueueOpOutput<O>;
    } catch (err) {
      if (err instanceof QueueUnreachable) {
        health.online = false;
        health.lastError = err.detail;
      } else if (err instanceof QueueRefused) {
        // An answer is an answer: the link is up.
        health.online = true;
        health.lastSuccessAt = now();
      }
      throw err;
    }
  }

  return { call, health: (): LinkHealth => ({ ...health }) };
}

export type CentralLink = ReturnType<typeof createCentralLink>;

function refusedOrUnreachable(res: { status: number; json: unknown }): Error {
  const body = QueueErrorBodySchema.safeParse(res.json);
  // 5xx and 429 mean "not now": treated like no answer at all.
  if (res.status >= 500 || res.status === 429 || !body.success) {
    return new QueueUnreachable(`HTTP ${res.status}`);
  }
  return new QueueRefused(res.status, body.data);
}

function errorName(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const cause = (err as { cause?: unknown }).cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause
      ? String((cause as { code: unknown }).code)
      : '';
  return code ? `${err.name} (${code})` : err.name;
}
