import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { keepChildLogs } from './child-log';

const ROOT = resolve(import.meta.dirname, '..');

export interface HostProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Where the process keeps its logs/ folder: `--data-dir`, else the folder of `--db`. */
function dataDirOf(args: string[]): string {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dataDir = value('--data-dir');
  const db = value('--db');
  return resolve(ROOT, dataDir ?? (db ? dirname(db) : '.data-none'));
}

/**
 * Starts an entry point (web host, central system) as a real child process on Node 22 and waits
 * for the line that carries its URL: a TypeScript source through tsx, a built `.js` file (out/,
 * `npm run build:node`) as plain Node. Its output and log files are kept for the leak scan
 * (child-log.ts).
 */
export async function startProcess(
  entry: string,
  args: string[],
  urlPattern: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<HostProcess> {
  const loader = /\.m?js$/.test(entry) ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, resolve(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = keepChildLogs(child, entry.split('/').at(-2) ?? 'child', dataDirOf(args));
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          logs.keepFiles();
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
