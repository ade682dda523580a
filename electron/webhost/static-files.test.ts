import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from './static-files';

/** The built renderer's files as whole buffers, client routes answered with the page. */
describe('static files of the built renderer', () => {
  let dir: string;
  let app: Hono;
  const INDEX = '<!doctype html><title>hall</title>';
  const SCRIPT = 'export const x = "营业厅";';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-static-'));
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-1.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-1.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
    app = new Hono();
    app.use('*', staticFiles(root, { fallback: 'index.html' }));
    app.all('*', (c) => c.text('not served', 404));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, method = 'GET') => app.request(path, { method });

  it('answers a file whole, with its type and length, the page at /', async () => {
    const script = await get('/assets/index-1.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe(SCRIPT);
    expect((await get('/assets/index-1.css')).headers.get('content-type')).toMatch(/^text\/css/);
    const page = await get('/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe(INDEX);
  });

  it('answers HEAD with the length and no body', async () => {
    const head = await get('/assets/index-1.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(await head.text()).toBe('');
  });

  it.each(['/applications', '/assets/', '/assets/missing.js', '/assets/%2e%2e/secret.txt'])(
    'answers %s (a client route, a folder, a missing or an escaping path) with the page',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
    },
  );

  it('never reads a file outside the renderer', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt']) {
      expect(await (await get(path)).text()).not.toContain('outside the renderer');
    }
  });

  it('leaves other methods to the next handler', async () => {
    expect((await get('/assets/index-1.js', 'POST')).status).toBe(404);
  });
});
