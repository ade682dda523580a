import { test } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_LOG_DIR } from '../tests/support/test-log-dir';

const E2E_LOG_DIR = join(TEST_LOG_DIR, 'e2e');

/** `queue-spec-ts--guide-issues-a-ticket` for the running test; `e2e` outside one. */
function currentTestSlug(): string {
  let parts: string[];
  try {
    const info = test.info();
    parts = [info.file.split(/[\\/]/).pop() ?? '', ...info.titlePath.slice(1)];
  } catch {
    parts = ['e2e'];
  }
  return parts
    .join('--')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 120);
}

/**
 * Keeps a child process's output (web host, central system) and, once it stopped, its log
 * files under test-results/logs/e2e/, for the leak scan at the end of `npm test`.
 */
export function keepChildLogs(child: ChildProcess, name: string, dataDir: string) {
  const base = `${currentTestSlug()}--${name}-${child.pid ?? 'x'}`;
  mkdirSync(E2E_LOG_DIR, { recursive: true });
  const file = join(E2E_LOG_DIR, `${base}.log`);
  for (const stream of ['stdout', 'stderr'] as const) {
    // Whole lines only: a value cut at a chunk boundary would escape the scan.
    let rest = '';
    const emit = (lines: string[]) => {
      const text = lines.filter((l) => l !== '').map((l) => `[${stream}] ${l}\n`);
      if (text.length > 0) appendFileSync(file, text.join(''));
    };
    child[stream]?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      emit(lines);
    });
    child[stream]?.on('close', () => emit([rest]));
  }
  return {
    /** Copies `<data dir>/logs` (the pino files); call after the process exited. */
    keepFiles: () => {
      const logs = join(dataDir, 'logs');
      if (existsSync(logs)) cpSync(logs, join(E2E_LOG_DIR, `${base}-files`), { recursive: true });
    },
  };
}
