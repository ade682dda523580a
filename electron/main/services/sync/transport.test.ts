import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exchange, type FetchLike } from './transport';

const opts = (fetch: FetchLike, timeoutMs = 200) => ({
  baseUrl: 'http://c',
  fetch,
  timeoutMs,
  now: () => 0,
});
const Schema = z.object({ ok: z.literal(true) });
const req = { method: 'GET' as const, path: '/v1/x' };

describe('exchange', () => {
  it('parses a good answer against the schema', async () => {
    const res = await exchange(
      opts(async () => Response.json({ ok: true })),
      req,
      Schema,
    );
    expect(res).toEqual({ ok: true, status: 200, value: { ok: true } });
  });

  it('sorts failures: refused, timeout, cut body, unreadable, HTTP with Retry-After', async () => {
    const refused = await exchange(
      opts(async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }),
      req,
      Schema,
    );
    expect(refused).toEqual({ ok: false, kind: 'network', detail: 'TypeError (ECONNREFUSED)' });

    const hang: FetchLike = (_u, init) =>
      new Promise((_r, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    expect(await exchange(opts(hang, 20), req, Schema)).toMatchObject({
      ok: false,
      kind: 'timeout',
    });

    const cut = new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"ok":'));
          c.error(new Error('socket hang up'));
        },
      }),
    );
    expect(
      await exchange(
        opts(async () => cut),
        req,
        Schema,
      ),
    ).toMatchObject({ ok: false, kind: 'truncated' });

    const half = new Response('{"ok":tr', { status: 200 });
    expect(
      await exchange(
        opts(async () => half),
        req,
        Schema,
      ),
    ).toMatchObject({ ok: false, kind: 'truncated' });

    expect(
      await exchange(
        opts(async () => Response.json({ ok: 'yes' })),
        req,
        Schema,
      ),
    ).toMatchObject({ ok: false, kind: 'unreadable' });

    const busy = Response.json(
      { code: 'RATE_LIMITED', message: '请求过于频繁', messageEn: 'Too many requests' },
      { status: 429, headers: { 'Retry-After': '3' } },
    );
    expect(
      await exchange(
        opts(async () => busy),
        req,
        Schema,
      ),
    ).toEqual({
      ok: false,
      kind: 'http',
      status: 429,
      body: { code: 'RATE_LIMITED', message: '请求过于频繁', messageEn: 'Too many requests' },
      retryAfterMs: 3000,
    });
  });
});
