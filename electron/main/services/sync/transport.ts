import type { z } from 'zod';
import { SyncErrorBodySchema, type SyncErrorBody } from '../../../../shared/sync/protocol';
import { parseRetryAfter } from './backoff';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** How one HTTP exchange with the central system ended, already sorted for the engine. */
export type Exchange<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; kind: 'http'; status: number; body?: SyncErrorBody; retryAfterMs?: number }
  /** No answer: refused, reset, DNS, timeout, a cut body or an answer we cannot read. */
  | { ok: false; kind: 'network' | 'timeout' | 'truncated' | 'unreadable'; detail: string };

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  now: () => number;
}

/**
 * One request, one typed outcome. Never throws for anything the network or the server does.
 * Details name error classes and statuses only: they are logged and shown on the sync page.
 */
export async function exchange<T>(
  opts: TransportOptions,
  req: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; token?: string },
  schema: z.ZodType<T>,
): Promise<Exchange<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let res: Response;
    try {
      res = await opts.fetch(`${opts.baseUrl}${req.path}`, {
        method: req.method,
        headers: {
          accept: 'application/json',
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
        },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: controller.signal,
      });
    } catch (err) {
      return controller.signal.aborted
        ? { ok: false, kind: 'timeout', detail: `no answer within ${opts.timeoutMs} ms` }
        : { ok: false, kind: 'network', detail: errorName(err) };
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      return controller.signal.aborted
        ? { ok: false, kind: 'timeout', detail: `body not complete within ${opts.timeoutMs} ms` }
        : {
            ok: false,
            kind: 'truncated',
            detail: `HTTP ${res.status} body cut: ${errorName(err)}`,
          };
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      return { ok: false, kind: 'truncated', detail: `HTTP ${res.status} body is not JSON` };
    }
    if (!res.ok) {
      const body = SyncErrorBodySchema.safeParse(json);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), opts.now());
      return {
        ok: false,
        kind: 'http',
        status: res.status,
        ...(body.success ? { body: body.data } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        kind: 'unreadable',
        detail: `HTTP ${res.status} answer does not match the protocol`,
      };
    }
    return { ok: true, status: res.status, value: parsed.data };
  } finally {
    clearTimeout(timer);
  }
}

/** The error's class and code, never its message (which could quote a URL or a value). */
function errorName(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const cause = (err as { cause?: unknown }).cause;
  const code =
    cause && typeof cause === 'object' && 'code' in cause
      ? String((cause as { code: unknown }).code)
      : '';
  return code ? `${err.name} (${code})` : err.name;
}
