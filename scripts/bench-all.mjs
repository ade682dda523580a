#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after another and lets each print its
// figures. Not a test: nothing here fails on a number. Pass --quick for smaller sizes.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const quickArgs = {
  'submit-latency.ts': ['--count', '2000'],
  'search.ts': ['--rows', '100000'],
  'sync-drain.ts': ['--count', '2000'],
  'list-100k.ts': ['--max-steps', '100'],
};
// Modules the benchmarks import, not benchmarks themselves.
const HELPERS = new Set(['lib.ts', 'trace-tasks.ts', 'submit-floor.ts']);
const scripts = readdirSync('bench').filter((f) => f.endsWith('.ts') && !HELPERS.has(f));
let failed = 0;
for (const script of scripts) {
  console.log(`\n### bench/${script}`);
  const args = quick ? (quickArgs[script] ?? []) : [];
  const r = spawnSync('node_modules/.bin/tsx', [`bench/${script}`, ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
