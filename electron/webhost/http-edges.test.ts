import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_HTTP_STATUS, type ApiResult } from '../../shared/api/errors';
import { TEST_COST } from '../main/services/auth/testing/services';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES } from './app';
import { startWebHost, type WebHost } from './server';
import { testLog } from '../../tests/support/test-log';
import { statusOverSocket } from '../../tests/support/raw-status';

/** Over real HTTP: media types, the byte limit, the error table's statuses, the CSP header. */
describe('web host HTTP edges', () => {
  let host: WebHost;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hall-http-edges-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>hall</title>');
    host = await startWebHost({
      dbFile: join(dir, 'hall.db'),
      rendererDir,
      log: testLog,
      scryptCost: TEST_COST,
    });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: string, type?: string) =>
    fetch(`${host.url}${path}`, {
      method: 'POST',
      headers: type === undefined ? {} : { 'content-type': type },
      body,
    });
  const errorOf = async (res: Response) =>
    ((await res.json()) as Extract<ApiResult<unknown>, { ok: false }>).error;

  it.each([
    'application/json',
    'APPLICATION/JSON',
    'Application/Json; charset=UTF-8',
    ' application/json ;charset=utf-8',
  ])('accepts %j as JSON', async (type) => {
    const res = await post('/api/auth.status', '{}', type);
    expect(res.status).toBe(200);
    expect(((await res.json()) as ApiResult<unknown>).ok).toBe(true);
  });

  it.each([
    'application/jsonx',
    'application/json-patch+json',
    'text/plain',
    'text/json',
    'multipart/form-data',
    '',
  ])('refuses %j with 415 and a message in both languages', async (type) => {
    const res = await post('/api/auth.status', '{}', type);
    expect(res.status).toBe(415);
    const error = await errorOf(res);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageEn).toMatch(/application\/json/);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post(
      '/api/auth.status',
      `"${'x'.repeat(MAX_BODY_BYTES)}"`,
      'application/json',
    );
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts bytes, not characters: 400k three-byte characters are over a 1 MB limit', async () => {
    const body = JSON.stringify({ staffNo: '营'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 1) });
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const res = await post('/api/auth.status', body, 'application/json');
    expect(res.status).toBe(413);
  });

  it('answers 413 from a declared length alone, with none of the body sent', async () => {
    const status = await statusOverSocket({
      port: host.port,
      head:
        `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n`,
    });
    expect(status).toBe(413);
  });

  it('answers 413 on a declared length before any of the body is sent', async () => {
    // A body streamed in chunks, no length declared: the host stops reading and answers.
    const status = await statusOverSocket({
      port: host.port,
      head:
        `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n',
      chunks: { text: 'x'.repeat(64 * 1024), upTo: MAX_BODY_BYTES * 2 },
    });
    expect(status).toBe(413);
  });

  it.each([
    ['POST', '/api/no.such.method'],
    ['GET', '/api/applications.list'],
    ['PUT', '/api/applications.list'],
    ['DELETE', '/api/'],
  ])('%s %s is an unknown method: 404 from the error table, not 405', async (method, path) => {
    const res = await fetch(`${host.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
    expect(res.status).toBe(404);
    expect(ERROR_HTTP_STATUS.UNKNOWN_METHOD).toBe(404);
    expect((await errorOf(res)).code).toBe('UNKNOWN_METHOD');
  });

  it('answers a typed service error with the status of its code', async () => {
    const res = await post('/api/applications.list', '{}', 'application/json');
    const error = await errorOf(res);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(res.status).toBe(401);
  });

  it.each(['/', '/index.html', '/some/route', '/api/auth.status', '/api/no.such.method'])(
    'sends the CSP (with frame-ancestors), nosniff and no-referrer as headers on %s',
    async (path) => {
      const res = await fetch(`${host.url}${path}`, {
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        ...(path.startsWith('/api/') ? { body: '{}' } : {}),
      });
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      // The answer itself arrives whole with the headers set on it.
      expect((await res.text()).length).toBeGreaterThan(0);
    },
  );
});
