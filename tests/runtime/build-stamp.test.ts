import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  buildIsFresh,
  sourceFingerprint,
  writeStamp,
} from '../../scripts/build-stamp.mjs';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A tiny project: one source, one test, every build output, stamped as built. */
function builtProject() {
  root = mkdtempSync(join(tmpdir(), 'hall-stamp-'));
  write('central/main.ts', 'export const a = 1;\n');
  write('central/main.test.ts', 'it("x", () => {});\n');
  write('package.json', '{}\n');
  for (const out of BUILD_OUTPUTS) write(out, '// built\n');
  writeStamp(root, sourceFingerprint(root));
}

describe('build stamp (npm start skips an unneeded build)', () => {
  it('is fresh right after a build and after rewriting a file with the same text', () => {
    builtProject();
    expect(buildIsFresh(root)).toBe(true);
    write('central/main.ts', 'export const a = 1;\n');
    expect(buildIsFresh(root)).toBe(true);
  });

  it('is stale after a source change, a new source file or a missing output', () => {
    builtProject();
    write('central/main.ts', 'export const a = 2;\n');
    expect(buildIsFresh(root)).toBe(false);
    builtProject();
    write('shared/new.ts', 'export {};\n');
    expect(buildIsFresh(root)).toBe(false);
    builtProject();
    rmSync(join(root, 'out/webhost/main.js'));
    expect(buildIsFresh(root)).toBe(false);
  });

  it('ignores test files', () => {
    builtProject();
    write('central/main.test.ts', 'it("y", () => {});\n');
    expect(buildIsFresh(root)).toBe(true);
  });
});
