import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureChild, keepLogFiles } from '../tests/support/test-log';

/**
 * Fault mode in a real process: a `refuse` fault closes the only listener for a while, and
 * the process must still be there (and answer) once the pause is over.
 */

const MAIN = resolve(import.meta.dirname, 'main.ts');
const REFUSE_MS = 300;

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  if (dir) keepLogFiles(join(dir, 'logs'), 'central');
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const ADMIN_TOKEN = 'fault-process-test-admin-token';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Starts central/main.ts and resolves with the URL it prints once it listens. */
function startChild(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CENTRAL_ADMIN_TOKEN: ADMIN_TOKEN },
  });
  captureChild(proc, 'central');
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+?)[\s(]/.exec(out)?.[1];
      if (url) ok({ proc, url });
    });
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    proc.once('exit', (code) =>
      fail(new Error(`central exited (${code}) before listening: ${err}`)),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status, or the network error's name when no answer came. */
async function statusOf(url: string, init?: RequestInit): Promise<number | string> {
  try {
    return (await fetch(url, init)).status;
  } catch (err) {
    return (err as Error).name;
  }
}

describe('central fault mode as a process', () => {
  it('stays alive through a refuse fault and answers again afterwards', async () => {
    dir = mkdtempSync(join(tmpdir(), 'central-proc-'));
    const started = await startChild([
      '--port',
      '0',
      '--db',
      join(dir, 'central.db'),
      '--faults',
      `refuse=1,refuseMs=${REFUSE_MS}`,
    ]);
    child = started.proc;
    const exited = new Promise<number | null>((r) => started.proc.once('exit', (c) => r(c)));

    // Every /v1 request trips the fault: the connection is cut and the listener closes.
    expect(await statusOf(`${started.url}/v1/health`)).toBe('TypeError');
    await sleep(REFUSE_MS * 4);
    expect(started.proc.exitCode).toBeNull();

    // The admin API is never faulted: it answers on the same port once listening again.
    const stats = await fetch(`${started.url}/admin/stats`, { headers: admin });
    expect(stats.status).toBe(200);
    expect(((await stats.json()) as { faults: { refuse: number } }).faults.refuse).toBe(1);
    const cleared = await fetch(`${started.url}/admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ spec: '' }),
    });
    expect(cleared.status).toBe(200);
    expect(await statusOf(`${started.url}/v1/health`)).toBe(200);

    // And it still ends cleanly when told to.
    started.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
