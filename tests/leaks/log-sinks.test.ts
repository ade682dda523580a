import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['tests', 'electron', 'central', 'server-common', 'shared', 'renderer'];
// A log option that throws its lines away (an arrow with no parameter returning nothing).
const SILENT_LOG = /\blog:\s*\(\s*\)\s*=>\s*(?:undefined|\{\s*\})/;

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testSources(path);
    const isTestCode = /\.test\.ts$/.test(e.name) || /[\\/]testing[\\/]/.test(path);
    return isTestCode ? [path] : [];
  });
}

// The leak scan at the end of `npm test` can only read lines that were kept: a test passes
// `testLog` (tests/support/test-log.ts), or a function that also calls it, instead of a no-op.
it('no test or test helper throws its log lines away', () => {
  const silent = FOLDERS.flatMap((f) => testSources(join(ROOT, f)))
    .filter((file) => SILENT_LOG.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(silent).toEqual([]);
});
