import type { z } from 'zod';
import { CentralError, CentralErrorBodySchema, kindForStatus } from './errors';
import { createNodeTransport, type Transport, type TransportAnswer } from './node-transport';
import { PinMismatchError } from './pinned-fetch';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A fetch (a test's in-process server, a fault injector) as the client's transport. */
export const transportOfFetch =
  (fetchFn: FetchLike): Transport =>
  async (url, req) => {
    const res = await fetchFn(url, {
      method: req.method,
      headers: req.headers,
      // As text: what a test's fetch reads (a push body is UTF-8 bytes).
      ...(req.body !== undefined ? { body: req.body.toString() } : {}),
      signal: req.signal,
    });
    return { status: res.status, header: (name) => res.headers.get(name), text: () => res.text() };
  };

export interface CentralHttpOptions {
  /** The central system, or (later) a hall hub on the LAN: same protocol, same client. */
  baseUrl: string;
  /** How requests go out (default: node:http with keep-alive, see node-transport.ts). */
  transport?: Transport;
  /** A fetch instead of any transport (tests and in-process servers). */
  fetch?: FetchLike;
  /** Default per request; a caller that cannot wait long passes its own. */
  timeoutMs?: number;
  now?: () => number;
}

export interface CentralRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** The body already as JSON, text or UTF-8 bytes (a large body built without parsing it). */
  rawBody?: string | Buffer;
  token?: string;
  timeoutMs?: number;
}

/**
 * One HTTP client for the central system: one request, a parsed answer or one `CentralError`
 * (never another exception for anything the network or the server does). No retries here: the
 * callers decide (sync backs off, a counter is told at once).
 */
export function createCentralHttp(opts: CentralHttpOptions) {
  const baseUrl = opts.baseUrl.replace(/\/$/, '');
  const send: Transport = opts.fetch
    ? transportOfFetch(opts.fetch)
    : (opts.transport ?? createNodeTransport());
  const defaultTimeoutMs = opts.timeoutMs ?? 30_000;
  const now = opts.now ?? Date.now;

  async function request<T>(req: CentralRequest, schema: z.ZodType<T>): Promise<T> {
    const body = req.rawBody ?? (req.body !== undefined ? JSON.stringify(req.body) : undefined);
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const fail = (kind: CentralError['kind'], detail: string, status?: number) =>
      new CentralError({ kind, detail, status });
    try {
      let res: TransportAnswer;
      try {
        res = await send(`${baseUrl}${req.path}`, {
          method: req.method,
          headers: {
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
          },
          body,
          signal: controller.signal,
        });
      } catch (err) {
        if (controller.signal.aborted) throw fail('timeout', `no answer within ${timeoutMs} ms`);
        throw err instanceof PinMismatchError
          ? fail('untrusted', 'certificate fingerprint mismatch')
          : fail('network', errorName(err));
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        throw controller.signal.aborted
          ? fail('timeout', `body not complete within ${timeoutMs} ms`)
          : fail('truncated', `HTTP ${res.status} body cut: ${errorName(err)}`, res.status);
      }
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw fail('truncated', `HTTP ${res.status} body is not JSON`, res.status);
      }
      if (res.status < 200 || res.status > 299) {
        const body = CentralErrorBodySchema.safeParse(json);
        throw new CentralError({
          kind: kindForStatus(res.status),
          detail: `HTTP ${res.status}`,
          status: res.status,
          body: body.success ? body.data : undefined,
          retryAfterMs: parseRetryAfter(res.header('retry-after'), now()),
        });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw fail(
          'unreadable',
          `HTTP ${res.status} answer does not match the protocol`,
          res.status,
        );
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  return { baseUrl, request };
}

export type CentralHttp = ReturnType<typeof createCentralHttp>;

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The error's class and code, never its message (which could quote a URL or a value). A fetch
 * keeps the socket's code in `cause`; node:http puts it on the error itself.
 */
function errorName(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const codeOf = (e: unknown): string =>
    e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : '';
  const code = codeOf((err as { cause?: unknown }).cause) || codeOf(err);
  return code ? `${err.name} (${code})` : err.name;
}
