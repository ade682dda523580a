// Web host cold start to the first rendered list: from spawning the built web host
// (out/webhost/main.js, plain Node, no tsx) to the first application row visible in Chromium
// (the browser is already running, as on a hall PC). In the same run, alternating with it, the
// floor: a bare node:http static server (static-floor-server.mjs) spawned the same way, serving
// the same built renderer files to the same Chromium until its first contentful paint.
// Beside the clock, the CPU each side used (the server process from /proc, plus the page's
// renderer main thread from a `toplevel` trace), which says what the start costs when other
// work on the machine makes the clock wait for a core.
// Needs a build (`npm run build`). Usage:
//   npx tsx bench/webhost-cold-start.ts [--rows 10000] [--runs 7] [--out out]
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/main/services/db';
import { seedApplications } from '../electron/main/services/testing/seed';
import { startProcess } from '../e2e/host-process';
import { sessionInitScript, setupSupervisor } from '../e2e/staff-session';
import { arg, ms, now, processCpuMs, quantile } from './lib';
import { rendererTasks } from './trace-tasks';

const rows = Number(arg('rows') ?? 10_000);
const runs = Number(arg('runs') ?? 7);
// --out DIR: another build's output folder (a base build to compare with), default out/.
const out = arg('out') ?? 'out';
const HOST = `${out}/webhost/main.js`;
const RENDERER = `${out}/renderer`;
const FLOOR = 'bench/static-floor-server.mjs';
for (const built of [HOST, `${RENDERER}/index.html`]) {
  if (!existsSync(built)) {
    console.error(`${built} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-cold-'));
const dbFile = join(dir, 'hall.db');
const hostArgs = ['--port', '0', '--db', dbFile, '--role', 'staff', '--renderer', RENDERER];
const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const FLOOR_URL = /static floor: (http:\/\/127\.0\.0\.1:\d+)\//;

const seedDb = openDatabase(dbFile, { log: () => undefined });
seedApplications(seedDb, rows, { seed: 7, stepMs: 60_000 });
seedDb.close();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
// Staff stations need a sign-in: the supervisor is created once, before any timed run, and its
// session (kept in the database) is placed where the renderer reads it.
const first = await startProcess(HOST, hostArgs, HOST_URL);
const session = sessionInitScript(await setupSupervisor(first.url));
await first.stop();

/** Resolves once the page has had its first contentful paint. */
const firstPaint = (page: Page) =>
  page.waitForFunction(
    // Node's typings know no 'paint' entries; the page's performance does.
    () =>
      (performance as unknown as { getEntriesByType(t: string): { name: string }[] })
        .getEntriesByType('paint')
        .some((e) => e.name === 'first-contentful-paint'),
    undefined,
    { polling: 5 },
  );

const listening: number[] = [];
const coldStart: number[] = [];
const floor: number[] = [];
// CPU ms per run: the server process, and the page's renderer main thread.
const hostCpu: number[] = [];
const pageCpu: number[] = [];
const floorServerCpu: number[] = [];
const floorPageCpu: number[] = [];
/** Ends the trace started before the page loaded: its main thread's CPU, ms. */
const mainThreadCpu = async () =>
  rendererTasks(await browser.stopTracing()).cpu.reduce((a, b) => a + b, 0);
for (let i = 0; i < runs; i++) {
  // A fresh page (no HTTP cache) each run; one browser for both measurements.
  {
    const page = await browser.newPage();
    await page.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), session);
    await browser.startTracing(page, { categories: ['toplevel'] });
    const t0 = now();
    const host = await startProcess(HOST, hostArgs, HOST_URL);
    listening.push(now() - t0);
    await page.goto(`${host.url}/#/applications`, { waitUntil: 'commit' });
    await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
    coldStart.push(now() - t0);
    hostCpu.push(processCpuMs(host.child.pid!));
    pageCpu.push(await mainThreadCpu());
    await page.close();
    await host.stop();
  }
  {
    const page = await browser.newPage();
    await browser.startTracing(page, { categories: ['toplevel'] });
    const t0 = now();
    const server = await startProcess(FLOOR, [RENDERER], FLOOR_URL);
    await page.goto(`${server.url}/#/applications`, { waitUntil: 'commit' });
    await firstPaint(page);
    floor.push(now() - t0);
    floorServerCpu.push(processCpuMs(server.child.pid!));
    floorPageCpu.push(await mainThreadCpu());
    await page.close();
    await server.stop();
  }
}
await browser.close();
rmSync(dir, { recursive: true, force: true });

const median = (s: number[]) => quantile(s, 0.5);
const line = (label: string, s: number[]) =>
  `  ${label.padEnd(44)} median ${ms(median(s)).padStart(10)}  min ${ms(Math.min(...s)).padStart(10)}  max ${ms(Math.max(...s)).padStart(10)}`;
const [a, b] = [median(coldStart), median(floor)];
console.log(
  `cold_start_ms=${a.toFixed(0)} floor_ms=${b.toFixed(0)} ratio=${(a / b).toFixed(2)} ` +
    `(medians over ${runs} runs each, alternating; ${rows.toLocaleString('en')} applications; ` +
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
);
console.log(line('web host spawn → listening', listening));
console.log(line('web host spawn → first list row visible', coldStart));
console.log(line('static server spawn → first contentful paint', floor));
const sum = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] ?? NaN));
const [c, d] = [median(sum(hostCpu, pageCpu)), median(sum(floorServerCpu, floorPageCpu))];
console.log(
  `cold_start_cpu_ms=${c.toFixed(0)} floor_cpu_ms=${d.toFixed(0)} ratio=${(c / d).toFixed(2)} ` +
    `(CPU time, not the clock: the server process from /proc plus the page's renderer main ` +
    `thread from a trace, medians)`,
);
console.log(line('web host process CPU to the first list row', hostCpu));
console.log(line('page main-thread CPU to the first list row', pageCpu));
console.log(line('static server process CPU to first paint', floorServerCpu));
console.log(line('page main-thread CPU to first paint (floor)', floorPageCpu));
