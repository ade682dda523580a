import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { listenWebHost, type HostServices, type ListeningHost } from './listen';

/** The host listens before its services are open: the page is served, API calls wait for them. */
describe('web host listening before its services', () => {
  let dir: string;
  let rendererDir: string;
  let host: ListeningHost | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-listen-'));
    rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>hall</title>');
  });
  afterEach(async () => {
    host?.fail(); // no-op once services were provided; otherwise close() would wait for them
    await host?.close();
    host = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Services whose dispatcher answers with what it was asked, in the order it was asked. */
  const echoServices = () => {
    const seen: string[] = [];
    let closed = false;
    const services: HostServices = {
      dispatch: async (method, input) => {
        seen.push(method);
        return { ok: true, value: { method, input } };
      },
      events: () => null,
      close: async () => {
        closed = true;
      },
    };
    return { services, seen, isClosed: () => closed };
  };

  const call = (url: string, method: string, input: unknown) =>
    fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as ApiResult<unknown>,
    }));

  it('serves the page at once and answers every call made meanwhile once the services are open', async () => {
    host = await listenWebHost({ port: 0, rendererDir });
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>hall</title>');

    const calls = Array.from({ length: 5 }, (_, i) => call(host!.url, `m.${i}`, { n: i }));
    let answered = 0;
    for (const c of calls) void c.then(() => answered++);
    // Long enough for the requests to reach the host and wait there.
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(0);

    const echo = echoServices();
    host.provide(echo.services);
    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body)).toEqual(
      Array.from({ length: 5 }, (_, i) => ({
        ok: true,
        value: { method: `m.${i}`, input: { n: i } },
      })),
    );
    expect([...echo.seen].sort()).toEqual(['m.0', 'm.1', 'm.2', 'm.3', 'm.4']);
    // After the services are open a call goes straight through.
    expect((await call(host.url, 'm.later', {})).body).toEqual({
      ok: true,
      value: { method: 'm.later', input: {} },
    });
  });

  it('answers UNAVAILABLE (503, both languages) when the services could not be opened', async () => {
    host = await listenWebHost({ port: 0, rendererDir });
    const waiting = call(host.url, 'auth.status', {});
    await new Promise((r) => setTimeout(r, 100));
    host.fail();
    for (const res of [await waiting, await call(host.url, 'auth.status', {})]) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      const error = (res.body as Extract<ApiResult<unknown>, { ok: false }>).error;
      expect(error.message).toMatch(/服务/);
      expect(error.messageEn).toMatch(/services/);
    }
  });

  it('closes services that arrive after close() was called', async () => {
    const closing = await listenWebHost({ port: 0, rendererDir });
    const done = closing.close();
    const echo = echoServices();
    closing.provide(echo.services);
    await done;
    expect(echo.isClosed()).toBe(true);
    await expect(fetch(`${closing.url}/`)).rejects.toThrow();
  });

  describe('when the services start loading (pageFetched)', () => {
    const settled = (p: Promise<void>) => {
      let done = false;
      void p.then(() => (done = true));
      return () => done;
    };
    /** A built page: index.html naming a script, a module preload and a stylesheet. */
    const builtPage = () => {
      const built = join(dir, `page-${Math.random().toString(36).slice(2)}`);
      mkdirSync(join(built, 'assets'), { recursive: true });
      writeFileSync(
        join(built, 'index.html'),
        '<!doctype html><script type="module" src="./assets/a.js"></script>' +
          '<link rel="modulepreload" href="./assets/b.js"><link rel="stylesheet" href="./assets/c.css">',
      );
      for (const f of ['a.js', 'b.js', 'c.css']) writeFileSync(join(built, 'assets', f), '/**/');
      return built;
    };
    const get = (url: string) => fetch(url).then((r) => r.text());

    it('once every file the page names has been sent, not before', async () => {
      host = await listenWebHost({ port: 0, rendererDir: builtPage() });
      const done = settled(host.pageFetched(10_000));
      await get(`${host.url}/`);
      await get(`${host.url}/assets/a.js`);
      await get(`${host.url}/assets/c.css`);
      await new Promise((r) => setTimeout(r, 50));
      expect(done()).toBe(false);
      await get(`${host.url}/assets/b.js`);
      await vi.waitFor(() => expect(done()).toBe(true), { timeout: 1_000 });
    });

    it('after idleMs without a request when the page stops halfway and makes no call', async () => {
      host = await listenWebHost({ port: 0, rendererDir: builtPage() });
      const served = host.pageFetched(400);
      const done = settled(served);
      await new Promise((r) => setTimeout(r, 300));
      await get(`${host.url}/`); // a request starts the wait again
      await get(`${host.url}/assets/a.js`);
      const lastRequest = performance.now();
      await new Promise((r) => setTimeout(r, 200));
      expect(done()).toBe(false);
      await served;
      expect(performance.now() - lastRequest).toBeGreaterThanOrEqual(390);
    });

    it('at once when an API call comes (it waits for the services), and at once after one', async () => {
      host = await listenWebHost({ port: 0, rendererDir: builtPage() });
      const served = host.pageFetched(10_000);
      const done = settled(served);
      await new Promise((r) => setTimeout(r, 100));
      expect(done()).toBe(false);
      const waiting = call(host.url, 'auth.status', {});
      await served;
      host.provide(echoServices().services);
      expect((await waiting).status).toBe(200);
      const again = settled(host.pageFetched(10_000));
      await Promise.resolve();
      expect(again()).toBe(true);
    });
  });
});
