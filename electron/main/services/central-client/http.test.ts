import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CentralError, answered, isBusinessRefusal, isTransient, kindForStatus } from './errors';
import { createCentralHttp, type FetchLike } from './http';

const client = (fetch: FetchLike, timeoutMs = 200) =>
  createCentralHttp({ baseUrl: 'http://c/', fetch, timeoutMs, now: () => 0 });
const Schema = z.object({ ok: z.literal(true) });
const req = { method: 'GET' as const, path: '/v1/x' };

/** The request's CentralError (the test fails when it resolves or throws anything else). */
async function failure(fetch: FetchLike, timeoutMs?: number): Promise<CentralError> {
  const err: unknown = await client(fetch, timeoutMs)
    .request(req, Schema)
    .then(
      () => 'resolved',
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(CentralError);
  return err as CentralError;
}

describe('central http client', () => {
  it('parses a good answer against the schema, at base URL + path', async () => {
    const urls: string[] = [];
    const value = await client(async (url) => {
      urls.push(url);
      return Response.json({ ok: true });
    }).request(req, Schema);
    expect(value).toEqual({ ok: true });
    expect(urls).toEqual(['http://c/v1/x']);
  });

  it('sorts failures without an answer: refused, timeout, cut body, not JSON, unreadable', async () => {
    const refused = await failure(async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    expect(refused).toMatchObject({ kind: 'network', detail: 'TypeError (ECONNREFUSED)' });
    expect(refused.describe()).toBe('network: TypeError (ECONNREFUSED)');

    const hang: FetchLike = (_u, init) =>
      new Promise((_r, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    expect(await failure(hang, 20)).toMatchObject({ kind: 'timeout' });

    const cut = new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"ok":'));
          c.error(new Error('socket hang up'));
        },
      }),
    );
    expect(await failure(async () => cut)).toMatchObject({ kind: 'truncated' });
    const half = await failure(async () => new Response('{"ok":tr', { status: 200 }));
    expect(half).toMatchObject({ kind: 'truncated', status: 200 });
    expect(half.describe()).toBe('truncated: HTTP 200 body is not JSON');
    expect(await failure(async () => Response.json({ ok: 'yes' }))).toMatchObject({
      kind: 'unreadable',
    });
  });

  it('keeps the error body and Retry-After of an HTTP answer', async () => {
    const busy = await failure(async () =>
      Response.json(
        { code: 'RATE_LIMITED', message: '请求过于频繁', messageEn: 'Too many requests' },
        { status: 429, headers: { 'Retry-After': '3' } },
      ),
    );
    expect(busy).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      body: { code: 'RATE_LIMITED', message: '请求过于频繁', messageEn: 'Too many requests' },
      retryAfterMs: 3000,
    });
    expect(busy.describe()).toBe('HTTP 429 RATE_LIMITED');
    const bare = await failure(async () => new Response('', { status: 503 }));
    expect(bare).toMatchObject({ kind: 'server', status: 503, body: undefined });
    expect(bare.describe()).toBe('HTTP 503');
  });

  // status → kind, and what each kind means to the callers: [kind, answered, transient]
  const TABLE: [number, string, boolean, boolean][] = [
    [400, 'invalid', true, false],
    [401, 'unauthorized', true, false],
    [403, 'forbidden', true, false],
    [404, 'not_found', true, false],
    [409, 'conflict', true, false],
    [410, 'refused', true, false],
    [413, 'too_large', true, false],
    [422, 'invalid', true, false],
    [429, 'rate_limited', true, true],
    [500, 'server', true, true],
    [502, 'server', true, true],
    [503, 'server', true, true],
    [504, 'server', true, true],
    [302, 'unreadable', true, true],
  ];
  it.each(TABLE)('HTTP %i is %s (answered %s, transient %s)', async (status, kind, up, again) => {
    expect(kindForStatus(status)).toBe(kind);
    const body = { code: 'BAD_REQUEST', message: '不行', messageEn: 'No' };
    const err = await failure(async () => Response.json(body, { status }));
    expect(err.kind).toBe(kind);
    expect(answered(err)).toBe(up);
    expect(isTransient(err)).toBe(again);
    // A refusal a person can read: not transient, with the bilingual body.
    expect(isBusinessRefusal(err)).toBe(!again);
  });

  it('a 4xx without a readable body is no business answer', async () => {
    const err = await failure(async () => new Response('{"oops":1}', { status: 404 }));
    expect(err.kind).toBe('not_found');
    expect(isBusinessRefusal(err)).toBe(false);
  });

  it('classifies no-answer kinds as not answered and transient', () => {
    for (const kind of ['network', 'timeout'] as const) {
      const err = new CentralError({ kind, detail: 'x' });
      expect([answered(err), isTransient(err)]).toEqual([false, true]);
    }
    const refused = new CentralError({ kind: 'unauthorized', detail: 'HTTP 401', status: 401 });
    expect(refused.as('enrolment_refused')).toMatchObject({
      kind: 'enrolment_refused',
      status: 401,
      detail: 'HTTP 401',
    });
  });
});
