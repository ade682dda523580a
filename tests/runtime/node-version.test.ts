import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_NODE, listenProblem, nodeVersionProblem } from '../../shared/runtime/startup';

const ROOT = resolve(import.meta.dirname, '../..');
const SYSTEM_NODE = '/usr/bin/node';

function systemNodeVersion(): string | null {
  if (!existsSync(SYSTEM_NODE)) return null;
  return spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

describe('which Node a host needs', () => {
  it('matches package.json engines', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${REQUIRED_NODE}`);
  });

  it('accepts 22.12 and newer, names the needed version for anything older', () => {
    for (const ok of ['22.12.0', 'v22.23.3', '23.0.0', '24.1.0']) {
      expect(nodeVersionProblem(ok), ok).toBeNull();
    }
    for (const old of ['v20.20.2', '22.11.0', '18.19.1', 'v21.7.3']) {
      expect(nodeVersionProblem(old), old).toContain('Node.js 22.12 or newer is needed');
    }
  });

  it('turns a taken port into one line and leaves other errors alone', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(listenProblem(taken, 8787, '--port')).toMatch(/^端口 8787 已被占用 .*--port\.$/);
    expect(listenProblem(new Error('other'), 8787, '--port')).toBeNull();
  });

  const old = systemNodeVersion();
  const olderSystemNode = old !== null && nodeVersionProblem(old) !== null;
  // Only a machine whose system Node is older than 22.12 can show the real failure.
  it.skipIf(!olderSystemNode)(
    `the sources on the system Node (${old ?? 'none'}) say which Node is needed instead of crashing`,
    () => {
      const r = spawnSync(
        SYSTEM_NODE,
        [
          resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          'central/main.ts',
          '--port',
          '0',
          '--db',
          ':memory:',
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
      );
      expect(r.signal).toBeNull(); // no segfault
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([nodeVersionProblem(old!)]);
    },
  );
});
