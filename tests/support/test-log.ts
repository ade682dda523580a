import type { ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { TEST_LOG_DIR } from './test-log-dir';

/**
 * The log sink of vitest tests: what the services, databases and child processes would log goes
 * to a file under test-results/logs/vitest/ (one per test file), never nowhere, so the leak scan
 * at the end of `npm test` reads it. Pass `testLog` where a `log` option is wanted.
 */
const VITEST_DIR = join(TEST_LOG_DIR, 'vitest');
const ROOT = resolve(import.meta.dirname, '../..');

let label = `worker-${process.pid}`;
let fd: number | undefined;

/** Called by the setup file before each test file: its lines go to a file named after it. */
export function useTestLogFile(testPath: string | undefined): void {
  if (!testPath) return;
  if (fd !== undefined) closeSync(fd);
  fd = undefined;
  label = relative(ROOT, testPath).replace(/[\\/]/g, '__');
}

function write(text: string): void {
  if (fd === undefined) {
    mkdirSync(VITEST_DIR, { recursive: true });
    fd = openSync(join(VITEST_DIR, `${label}.log`), 'a');
  }
  writeSync(fd, text.endsWith('\n') ? text : `${text}\n`);
}

/** A `log(line)` sink for createServices, startWebHost, openDatabase and the central system. */
export const testLog = (line: string): void => write(line);

/**
 * Tees a child process's stdout and stderr into the test file's log, next to any reader of its
 * own. Whole lines only: a value cut at a chunk boundary would escape the scan.
 */
export function captureChild(child: ChildProcess, name: string): void {
  const tee = (stream: 'stdout' | 'stderr') => {
    let rest = '';
    const emit = (lines: string[]) => {
      for (const l of lines) if (l !== '') write(`[${name} ${stream}] ${l}`);
    };
    child[stream]?.on('data', (chunk: Buffer | string) => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      emit(lines);
    });
    child[stream]?.on('close', () => emit([rest]));
  };
  tee('stdout');
  tee('stderr');
}

/** Keeps a data dir's log files (pino, `<dir>/logs`) before the test removes the dir. */
export function keepLogFiles(logsDir: string, name: string): void {
  if (!existsSync(logsDir)) return;
  cpSync(logsDir, join(VITEST_DIR, `${label}--${name}`), { recursive: true });
}
