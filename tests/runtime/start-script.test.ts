import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isListening, occupy } from './ports';
import { captureChild, keepLogFiles } from '../support/test-log';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'hall-start-'));
afterAll(() => {
  keepLogFiles(join(dataDir, 'logs'), 'start');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` without `npm ci` (node_modules is there), web host mode, its own ports and data. */
function start(port: number, centralPort: number): ChildProcess & { output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    CENTRAL_PORT: String(centralPort),
    HALL_DATA_DIR: dataDir,
    HALL_WEB: '1',
  };
  delete env.CENTRAL_URL;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-install'], { cwd: ROOT, env });
  captureChild(child, 'npm-start');
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return Object.assign(child, { output: () => out });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

async function waitFor(test: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start (scripts/start.mjs)', () => {
  it('serves on both ports, and after SIGTERM nothing listens on either', async () => {
    const [web, central] = [await freePort(), await freePort()];
    const child = start(web, central);
    // A first run in a fresh checkout builds (~30 s on two cores); later runs skip the build.
    await waitFor(() => child.output().includes('打开 Open:'), 180_000, 'the web host address');
    expect(await isListening(web)).toBe(true);
    expect(await isListening(central)).toBe(true);
    // The demo data of a fresh data folder is made in the catalogue version in force today:
    // none refused (a form of the next version would be, before its date).
    expect(child.output()).toMatch(/demo data: submitted=[1-9]\d* drafts=\d+ refused=0/);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const left = [(await isListening(web)) && web, (await isListening(central)) && central];
    console.log(`start_stop ports_checked=2 still_listening=${left.filter(Boolean).length}`);
    expect(left).toEqual([false, false]);
  }, 240_000);

  it('keeps the console up when the local central system stops, and says so', async () => {
    const [web, central] = [await freePort(), await freePort()];
    const child = start(web, central);
    await waitFor(() => child.output().includes('打开 Open:'), 180_000, 'the web host address');
    // The central system this run started (its child, by process id): stopped as if it failed.
    const ps = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], {
      encoding: 'utf8',
    });
    const centralPid = Number(
      ps.stdout
        .split('\n')
        .find((l) => l.includes('out/central/main.js'))
        ?.trim()
        .split(/\s+/)[0],
    );
    expect(centralPid).toBeGreaterThan(0);
    process.kill(centralPid, 'SIGKILL');
    await waitFor(() => child.output().includes('本地中心系统已停止'), 10_000, 'the notice');
    await new Promise((r) => setTimeout(r, 500));
    expect(child.exitCode).toBeNull();
    expect(await isListening(web)).toBe(true);
    expect(child.output()).toContain('it is not restarted');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(await isListening(web)).toBe(false);
  }, 240_000);

  it('a port in use stops it with one line naming the port, no stack trace', async () => {
    const [web, central] = [await freePort(), await freePort()];
    const busy = await occupy(central);
    try {
      const child = start(web, central);
      expect(await exited(child)).toBe(1);
      const lines = child.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${central} is already in use`);
      expect(lines[0]).toContain('CENTRAL_PORT');
      expect(await isListening(web)).toBe(false);
    } finally {
      busy.close();
    }
  });
});
