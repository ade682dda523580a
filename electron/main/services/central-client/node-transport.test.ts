import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CentralError } from './errors';
import { createCentralHttp } from './http';
import { createPinnedTransport } from './pinned-fetch';

/**
 * The client's default transport (node:http) against real servers on loopback: what it sends,
 * and every way an answer can fail, sorted into the same error kinds as through fetch.
 */

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;
const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const Echo = z.object({ got: z.string(), n: z.number() });
const client = (baseUrl: string, timeoutMs = 2000) =>
  createCentralHttp({ baseUrl, timeoutMs, now: () => 0 });

/** The request's CentralError (the test fails when it resolves or throws anything else). */
async function failure(p: Promise<unknown>): Promise<CentralError> {
  const err = await p.then(
    () => 'resolved',
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CentralError);
  return err as CentralError;
}

describe('the central client over node:http', () => {
  it('sends the body with its length declared and reads a UTF-8 answer, on one kept-alive socket', async () => {
    const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
    let connections = 0;
    const { url, server } = await serve((req, body, res) => {
      seen.push({ headers: req.headers, body: body.toString('utf8') });
      const text = JSON.parse(body.toString('utf8')) as { text: string };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ got: `收到：${text.text}`, n: seen.length }));
    });
    server.on('connection', () => connections++);
    const http = client(url);
    // Long enough to cross a few TCP chunks in both directions.
    const text = '城东营业厅·低压居民新装'.repeat(20_000);
    for (const n of [1, 2]) {
      const answer = await http.request(
        { method: 'POST', path: '/v1/ops', rawBody: JSON.stringify({ text }), token: 'tok-123' },
        Echo,
      );
      expect(answer).toEqual({ got: `收到：${text}`, n });
    }
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(JSON.stringify({ text }))),
      authorization: 'Bearer tok-123',
      accept: 'application/json',
    });
    expect(seen[0]?.headers['transfer-encoding']).toBeUndefined();
    expect(connections).toBe(1);
    // A GET carries no body and no content type.
    const get = await serve((req, body, res) => {
      res.end(
        JSON.stringify({
          got: `${req.method} ${body.length} ${req.headers['content-type']}`,
          n: 0,
        }),
      );
    });
    expect(await client(get.url).request({ method: 'GET', path: '/x' }, Echo)).toEqual({
      got: 'GET 0 undefined',
      n: 0,
    });
  });

  it('a refused connection is a network failure named by its code', async () => {
    const { url, server } = await serve(() => undefined);
    await new Promise((r) => server.close(r)); // the port is free again: nothing listens
    const err = await failure(client(url).request({ method: 'GET', path: '/x' }, Echo));
    expect(err).toMatchObject({ kind: 'network', detail: 'Error (ECONNREFUSED)' });
  });

  it('no answer, or a body that stops coming, is a timeout', async () => {
    const silent = await serve(() => undefined);
    const none = await failure(
      client(silent.url, 100).request({ method: 'GET', path: '/x' }, Echo),
    );
    expect(none).toMatchObject({ kind: 'timeout', detail: 'no answer within 100 ms' });

    const stalled = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"got":"');
    });
    const half = await failure(
      client(stalled.url, 100).request({ method: 'GET', path: '/x' }, Echo),
    );
    expect(half).toMatchObject({ kind: 'timeout', detail: 'body not complete within 100 ms' });
  });

  it('a connection cut in the middle of the body is a truncated answer', async () => {
    const { url } = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"got":"x","n":', () => res.socket?.destroy());
    });
    const err = await failure(client(url).request({ method: 'GET', path: '/x' }, Echo));
    expect(err).toMatchObject({ kind: 'truncated', status: 200 });
    expect(err.detail).toMatch(/^HTTP 200 body cut: /);
  });

  it('keeps the error body and Retry-After of a refusal', async () => {
    const { url } = await serve((_req, _body, res) => {
      res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ code: 'RATE_LIMITED', message: '请求过于频繁', messageEn: 'Too many' }),
      );
    });
    const err = await failure(
      client(url).request({ method: 'POST', path: '/v1/ops', rawBody: '{}' }, Echo),
    );
    expect(err).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 7000,
      body: { code: 'RATE_LIMITED', message: '请求过于频繁' },
    });
  });

  it('does not follow a redirect: the token never reaches another server', async () => {
    const elsewhere: string[] = [];
    const other = await serve((req, _body, res) => {
      elsewhere.push(String(req.headers.authorization));
      res.end(JSON.stringify({ got: 'other', n: 0 }));
    });
    const { url } = await serve((_req, _body, res) => {
      res.writeHead(302, { location: `${other.url}/x` });
      res.end();
    });
    const err = await failure(
      client(url).request({ method: 'GET', path: '/x', token: 'secret-token' }, Echo),
    );
    expect(err).toMatchObject({ kind: 'unreadable', status: 302 });
    expect(elsewhere).toEqual([]);
  });

  it('a pinned transport refuses a plain http URL before connecting', async () => {
    const hits: string[] = [];
    const { url } = await serve((req, _body, res) => {
      hits.push(String(req.url));
      res.end('{}');
    });
    const pinned = createCentralHttp({
      baseUrl: url,
      transport: createPinnedTransport('AB'.repeat(32)),
    });
    const err = await failure(pinned.request({ method: 'GET', path: '/x', token: 't' }, Echo));
    expect(err).toMatchObject({ kind: 'network', detail: 'TypeError' });
    expect(hits).toEqual([]);
  });
});
