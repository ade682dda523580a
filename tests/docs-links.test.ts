import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const files = execFileSync('git', ['ls-files', '*.ts', '*.vue', '*.js', '*.mjs', '*.md', '*.yml'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && f !== 'tests/docs-links.test.ts' && existsSync(resolve(ROOT, f)));

/** The repository explains itself: what it names under docs/ exists, and nothing points outside. */
describe('references to documents', () => {
  it('every docs/… file named in the code exists', () => {
    const missing: string[] = [];
    let refs = 0;
    for (const file of files) {
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\bdocs\/[\w.-]+\.(?:md|ya?ml)\b/g)) {
        refs += 1;
        if (!existsSync(resolve(ROOT, m[0]))) missing.push(`${file}: ${m[0]}`);
      }
      // A bare domain.md / architecture.md outside docs/ means the old, missing documents.
      if (!file.startsWith('docs/'))
        for (const m of text.matchAll(/(?<![\w/])(?:domain|architecture)\.md\b/g))
          missing.push(`${file}: ${m[0]} (write docs/${m[0]})`);
    }
    console.log(`docs_refs files=${files.length} refs=${refs} missing=${missing.length}`);
    expect(missing).toEqual([]);
  });

  it('nothing points at files outside the repository', () => {
    const outside = files.filter((file) =>
      /\.\.\/shared\/docs|\/work\/shared|\.\.\/seeds\//.test(
        readFileSync(resolve(ROOT, file), 'utf8'),
      ),
    );
    expect(outside).toEqual([]);
  });
});
