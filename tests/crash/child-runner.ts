/**
 * Runs the crash-test child (child.ts): bundled once with Vite so each restart costs ~0.2-0.5 s
 * instead of the ~1 s that compiling it through tsx takes; it still runs on process.execPath
 * (Node 22). Shared by the crash tests.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { captureChild } from '../support/test-log';

const ROOT = resolve(import.meta.dirname, '../..');

/** Bundles the child; returns its path and a function that removes it. */
export async function buildCrashChild(): Promise<{ bundle: string; remove(): void }> {
  // Inside the project so the bundle resolves better-sqlite3 from node_modules.
  const dir = join(ROOT, 'node_modules', '.cache', `crash-test-${process.pid}`);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'tests/crash/child.ts'),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3'] },
  });
  return {
    bundle: join(dir, 'child.mjs'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface Run {
  ids: string[];
  /** True when the child exited on its own (an error), not by our SIGKILL. */
  diedAlone: boolean;
  stderr: string;
}

/** When to kill: `delayMs` after spawn, or after the child said it is ready. */
export interface Moment {
  afterReady: boolean;
  delayMs: number;
}

/** One child life: start, wait for the chosen moment, SIGKILL, collect complete lines. */
export async function runOnce(bundle: string, args: string[], moment: Moment): Promise<Run> {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  captureChild(child, 'crash-child');
  const ids: string[] = [];
  let partial = '';
  let stderr = '';
  let ready!: () => void;
  const isReady = new Promise<void>((done) => (ready = done));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? ''; // a line cut by the kill was never fully printed
    for (const line of lines) {
      if (line === 'ready') ready();
      else if (line) ids.push(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<{ signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (_code, signal) => done({ signal })),
  );
  const start = moment.afterReady ? isReady : Promise.resolve();
  await Promise.race([start.then(() => sleep(moment.delayMs)), closed]);
  child.kill('SIGKILL');
  const { signal } = await closed;
  return { ids, diedAlone: signal !== 'SIGKILL', stderr };
}
