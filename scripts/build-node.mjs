#!/usr/bin/env node
// Compiles the plain-Node entry points (web host, central system, demo seeding) to JavaScript in
// out/, so nothing runs through tsx at run time. Dependencies stay in node_modules (external);
// only the project's own TypeScript is bundled. Also writes out/build-info.json (version, git
// commit, build time) for the About dialog. Electron's main, preload and renderer are built by
// electron-vite (`npm run build` runs both).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const NODE_ENTRIES = {
  'webhost/main': 'electron/webhost/main.ts',
  'central/main': 'central/main.ts',
  'tools/seed-demo': 'scripts/seed-demo.ts',
  'tools/fake-id-reader': 'scripts/fake-id-reader.ts',
  'tools/restore-cli': 'electron/main/services/db/restore-cli.ts',
  'tools/rotate-cli': 'electron/main/services/crypto/rotate-cli.ts',
};

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null; // a source tarball without .git: the build time identifies the build
  }
}

/**
 * Dependencies stay in node_modules, except zod: its ~100 small ES modules cost the web host
 * ~30 ms of CPU more to resolve and load one by one than bundled (bench/README.md, wave 7).
 */
function externalPackages(pkg) {
  const names = Object.keys({
    ...pkg.dependencies,
    ...pkg.devDependencies,
    ...pkg.optionalDependencies,
  }).filter((name) => name !== 'zod');
  return names.flatMap((name) => [name, `${name}/*`]);
}

/**
 * zod's error messages in ~60 languages, without the English the app uses (zod's own default,
 * which it imports from locales/en.js itself): `z.locales` is a namespace export, which esbuild
 * keeps whole once `z.` is used as an object, so ~260 kB of the hosts' bundled source was
 * locales nobody reads, compiled at every start. The hosts get a `locales` with `en` only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: resolvePath(dirname(args.importer), '../locales/en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Builds the entries into `outdir` (out/ of the current directory by default) and says what it
 * wrote. Tests build into a folder of their own so they never rewrite out/ under another test.
 */
export async function buildNodeEntries({ outdir = 'out', entries = NODE_ENTRIES } = {}) {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  // Chunk names carry a hash: the last build's chunks would pile up beside the new ones.
  rmSync(`${outdir}/node-chunks`, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: externalPackages(pkg),
    plugins: [zodEnglishOnly],
    // Code behind a dynamic import() goes to a chunk of its own: the web host listens before it
    // loads its services (electron/webhost/main.ts). Chunks shared by the entries go there too.
    splitting: true,
    chunkNames: 'node-chunks/[name]-[hash]',
    sourcemap: true,
    charset: 'utf8',
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  writeFileSync(
    `${outdir}/build-info.json`,
    JSON.stringify(
      { version: pkg.version, commit: gitCommit(), builtAt: new Date().toISOString() },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `node entries built: ${Object.keys(entries)
      .map((k) => `${outdir}/${k}.js`)
      .join(', ')} in ${Date.now() - started} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildNodeEntries();
