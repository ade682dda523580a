import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from './ports';
import { captureChild, keepLogFiles } from '../support/test-log';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hall-central-svc-'));
const children: ChildProcess[] = [];
// Built like `npm run build` does, into a folder of this test's own (inside the project, so the
// bundle finds node_modules) so that it never rewrites out/ under another test.
const outdir = `out/test-central-${process.pid}`;

beforeAll(async () => {
  const { buildNodeEntries } = await import('../../scripts/build-node.mjs');
  await buildNodeEntries({ outdir, entries: { 'central/main': 'central/main.ts' } });
});
afterAll(() => {
  keepLogFiles(join(dir, 'logs'), 'central');
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(resolve(ROOT, outdir), { recursive: true, force: true });
});

const ADMIN_TOKEN = 'central-service-test-admin-token';

async function startCentral(
  args: string[],
): Promise<{ child: ChildProcess; url: string; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      `${outdir}/central/main.js`,
      '--port',
      String(port),
      '--db',
      join(dir, `c${port}.db`),
      ...args,
    ],
    // As a real hall runs it: its own admin token, devices enrol with codes.
    { cwd: ROOT, env: { ...process.env, CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN } },
  );
  children.push(child);
  captureChild(child, 'central');
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const until = Date.now() + 30_000;
  while (!out.includes('central listening on')) {
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`central did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, port, output: () => out };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

describe('central as a service (built JS, real process)', () => {
  it('answers /healthz and /readyz', async () => {
    const { child, url } = await startCentral([]);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('on SIGTERM finishes the requests in flight, refuses new ones, then exits 0', async () => {
    // Every /v1 request waits 1.5 s before it is handled: long enough to be caught mid-flight.
    const { child, url, port, output } = await startCentral(['--faults', 'slow=1,slowMs=1500']);
    const inFlight = [1, 2, 3].map(() =>
      fetch(`${url}/v1/health`).then(async (r) => ({ status: r.status, body: await r.json() })),
    );
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    expect(await isListening(port)).toBe(false); // no new connections once draining
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.every((a) => (a.body as { ok: boolean }).ok)).toBe(true);
    expect(await exited(child)).toBe(0);
    const line = /requests finished=(\d+) cut=(\d+)/.exec(output());
    console.log(
      `central_drain in_flight=3 answered=${answers.length} ${line?.[0] ?? 'no summary'}`,
    );
    expect(line?.slice(1)).toEqual(['3', '0']);
  });
});
