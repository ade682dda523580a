#!/usr/bin/env node
// The one test command (`npm test`): lint, format, typecheck, build, unit/property/crash/sync
// tests (vitest), end-to-end tests (Playwright in Debian's Chromium). Every runner's counts are
// read from its JSON report and summed into one closing line: `N passed, M failed`. Last, every
// log line the tests wrote (test-results/logs/) is scanned for personal data.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${label}: exit ${r.status ?? r.signal} in ${seconds}s`);
  return r.status === 0;
}

/** A check with no test count of its own (lint, format, typecheck, build) counts as one test. */
function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

mkdirSync('test-results', { recursive: true });
// Only this run's logs are scanned at the end.
rmSync('test-results/logs', { recursive: true, force: true });

check('lint', bin('eslint'), ['.', '--max-warnings=0']);
check('format', bin('prettier'), ['--check', '.', '--log-level=warn']);
check('typecheck:node', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck:e2e', bin('tsc'), ['--noEmit', '-p', 'tsconfig.e2e.json']);
check('typecheck:web', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.web.json']);
// The whole build (Electron parts, Node entries, stamp), so npm start's test finds it fresh.
const built = check('build', process.execPath, ['scripts/build.mjs']);

// Unit, property, migration, crash, security and sync tests.
rmSync('test-results/vitest.json', { force: true });
const vitestOk = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const v = readJson('test-results/vitest.json');
if (v) {
  const failed = v.numFailedTests + (vitestOk || v.numFailedTests > 0 ? 0 : 1);
  results.push({
    label: 'vitest',
    passed: v.numPassedTests,
    failed,
    skipped: v.numPendingTests + v.numTodoTests,
  });
} else {
  results.push({ label: 'vitest (no report)', passed: 0, failed: 1, skipped: 0 });
}

// End to end through the web host in Chromium; needs the build.
if (built) {
  rmSync('test-results/e2e.json', { force: true });
  // Its own output folder: Playwright empties it first, and test-results/logs must survive.
  const e2eOk = run('playwright', bin('playwright'), ['test', '--output=test-results/playwright']);
  const p = readJson('test-results/e2e.json');
  if (p?.stats) {
    const failed = p.stats.unexpected + (e2eOk || p.stats.unexpected > 0 ? 0 : 1);
    results.push({
      label: 'playwright',
      passed: p.stats.expected + p.stats.flaky,
      failed,
      skipped: p.stats.skipped,
    });
  } else {
    results.push({ label: 'playwright (no report)', passed: 0, failed: 1, skipped: 0 });
  }
} else {
  console.log('playwright: not run because the build failed (counted as one failure)');
  results.push({ label: 'playwright (build failed)', passed: 0, failed: 1, skipped: 0 });
}

// Every log line of both runs (services, log files, child processes, console): no personal data.
check('log leak scan', process.execPath, ['--import', 'tsx', 'scripts/scan-test-logs.ts']);

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.label.padEnd(28)} passed=${r.passed} failed=${r.failed} skipped=${r.skipped}`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
const skipped = results.reduce((s, r) => s + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && existsSync('test-results') ? 0 : 1);
