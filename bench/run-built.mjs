#!/usr/bin/env node
/**
 * Runs a bench from a bundle built the way the hosts are (scripts/build-node.mjs: esbuild, zod
 * bundled, no keepNames) instead of through tsx. tsx compiles with keepNames, which sets the
 * `name` of every named function and closure each time one is created: code that makes closures
 * per call costs more under tsx than in the product (validation in a loop: about 14 against
 * 8 µs). For a whole submit the two measured alike within the noise (bench/README.md, item 4
 * round four); run both when a change is mostly closures.
 *   npx node bench/run-built.mjs bench/submit-latency.ts --count 3000
 * The bundle goes to out/bench/ (beside the hosts' output, so node_modules resolves as there).
 */
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { buildNodeEntries } from '../scripts/build-node.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry?.endsWith('.ts')) {
  console.error('usage: npx node bench/run-built.mjs bench/<name>.ts [bench arguments]');
  process.exit(2);
}
const name = basename(entry, '.ts');
await buildNodeEntries({ outdir: 'out/bench', entries: { [name]: entry } });
const run = spawnSync(process.execPath, [`out/bench/${name}.js`, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
