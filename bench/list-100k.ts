// The applications list at 100,000 rows in Chromium: opens the list against a web host whose
// SQLite file holds --rows applications, scrolls it from the first row to the last by mouse
// wheel (--step-px per step, default one page of 100 rows; the list fetches the next page as
// its end comes near), and reads the renderer's JS heap (CDP Performance.getMetrics,
// JSHeapUsedSize) and its long tasks while scrolling: a PerformanceObserver for 'longtask'
// (tasks over 50 ms of wall time) and, from a trace, tasks over 50 ms of the main thread's own
// CPU time (the same tasks without the waits for a core on a loaded machine).
// Needs a build (`npx electron-vite build`).
//   npx tsx bench/list-100k.ts [--rows 100000] [--step-px 4400] [--max-steps 5000] [--keep DIR]
//     [--cpu-profile FILE.cpuprofile] [--trace FILE.json] [--renderer DIR]
// --keep DIR seeds the file once (DIR/list-<rows>.db) and reuses it on later runs.
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/main/services/db';
import { seedApplications } from '../electron/main/services/testing/seed';
import { startProcess } from '../e2e/host-process';
import { E2E_SUPERVISOR, roleArgs, sessionInitScript, setupSupervisor } from '../e2e/staff-session';
import type { Session } from '../shared/auth/schemas';
import { arg, now } from './lib';
import { rendererTasks } from './trace-tasks';

const rows = Number(arg('rows') ?? 100_000);
const stepPx = Number(arg('step-px') ?? 4400);
const maxSteps = Number(arg('max-steps') ?? 5000);
const keep = arg('keep');
/** Where to write a CPU profile of the renderer while scrolling (.cpuprofile, for DevTools). */
const cpuProfile = arg('cpu-profile');
/** Where to write the whole trace of the scrolling (devtools.timeline categories), for a breakdown. */
const traceFile = arg('trace');
/** Another build's renderer to serve (a base build to compare with), default out/renderer. */
const renderer = arg('renderer') ?? 'out/renderer';
const PAGE_SIZE = 100;
const LONG_MS = 50;
const MB = 1024 * 1024;
const LIST_API = '/api/applications.list';
/** The table's scrolling window. */
const SCROLLER = '[data-testid="list-body"]';

function seed(file: string): void {
  const t = now();
  const db = openDatabase(file, { log: () => undefined });
  seedApplications(db, rows, { seed: 11, stepMs: 30_000 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(
    `${rows.toLocaleString('en')} applications seeded in ${((now() - t) / 1000).toFixed(1)} s`,
  );
}

function databaseFile(): { file: string; temp?: string } {
  if (keep !== undefined) {
    mkdirSync(keep, { recursive: true });
    const file = join(keep, `list-${rows}.db`);
    if (!existsSync(file)) seed(file);
    return { file };
  }
  const temp = mkdtempSync(join(tmpdir(), 'hall-bench-list-'));
  const file = join(temp, 'hall.db');
  seed(file);
  return { file, temp };
}

/** The bench's supervisor: set up on a fresh file, signed in again on a kept one. */
async function supervisorSession(url: string): Promise<Session> {
  try {
    return await setupSupervisor(url);
  } catch {
    const res = await fetch(`${url}/api/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo: E2E_SUPERVISOR.staffNo, secret: E2E_SUPERVISOR.secret }),
    });
    const reply = (await res.json()) as { ok: boolean; value?: Session };
    if (!reply.ok || !reply.value) throw new Error(`auth.signIn failed: ${res.status}`);
    return reply.value;
  }
}

/** JSHeapUsedSize in MB; after a full garbage collection when `collect` (what stays alive). */
async function heapMb(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / MB;
}

/** Counts the list requests in flight and the rows their answers carried. */
function watchListRequests(page: Page) {
  const state = { inFlight: 0, fetched: 0, lastPageRows: -1 };
  page.on('request', (req) => {
    if (req.url().endsWith(LIST_API)) state.inFlight++;
  });
  page.on('requestfinished', (req) => {
    if (!req.url().endsWith(LIST_API)) return;
    void req
      .response()
      .then((res) => res?.json() as Promise<{ value?: { rows: unknown[] } }> | undefined)
      .then((body) => {
        state.lastPageRows = body?.value?.rows.length ?? 0;
        state.fetched += state.lastPageRows;
      })
      .finally(() => state.inFlight--);
  });
  page.on('requestfailed', (req) => {
    if (req.url().endsWith(LIST_API)) state.inFlight--;
  });
  return state;
}

const longTaskObserver = () => {
  // Runs in the page (this file is typed without the DOM library).
  const w = globalThis as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask' as 'mark', buffered: true });
};

const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const { file, temp } = databaseFile();
const loadAtStart = loadavg();
const host = await startProcess(
  'electron/webhost/main.ts',
  ['--port', '0', '--db', file, '--renderer', renderer, ...roleArgs('staff')],
  /web host: (http:\/\/127\.0\.0\.1:\d+)\//,
);
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
try {
  const session = sessionInitScript(await supervisorSession(host.url));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await page.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), session);
  await page.addInitScript(longTaskObserver);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const list = watchListRequests(page);

  await page.goto(`${host.url}/#/applications`);
  await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
  /** Until the list's requests are answered and two frames have been drawn. */
  const settle = async () => {
    const t = now();
    while (list.inFlight > 0 && now() - t < 30_000) await page.waitForTimeout(5);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): number };
          w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve(null)));
        }),
    );
  };
  await settle();
  // Playwright's own script for $eval and hover is compiled in the page on first use (a task of
  // ~20 ms of CPU): done here, so it is not counted as the list's.
  await page.hover(SCROLLER);
  await page.$eval(SCROLLER, (el) => el.scrollTop);
  const heapLoaded = await heapMb(cdp, true);
  // Long tasks of the page load are not scrolling: count from here.
  await page.evaluate(
    () => ((globalThis as unknown as { __longTasks: number[] }).__longTasks = []),
  );
  await browser.startTracing(page, {
    categories:
      traceFile === undefined
        ? ['toplevel']
        : ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
  });
  if (cpuProfile !== undefined)
    await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));

  const started = now();
  let steps = 0;
  let peak = heapLoaded;
  for (; steps < maxSteps; steps++) {
    const s = await page.$eval(SCROLLER, (el) => ({
      atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 1,
    }));
    // At the last row with every row fetched (or a short page that says there are no more).
    const allFetched =
      list.fetched >= rows || (list.lastPageRows >= 0 && list.lastPageRows < PAGE_SIZE);
    if (s.atEnd && list.inFlight === 0 && allFetched) break;
    await page.mouse.wheel(0, stepPx);
    await settle();
    if (steps % 50 === 0) peak = Math.max(peak, await heapMb(cdp, false));
    if (steps % 200 === 199) {
      const secs = ((now() - started) / 1000).toFixed(0);
      console.log(`  … ${steps + 1} steps, ${list.fetched.toLocaleString('en')} rows, ${secs} s`);
    }
  }
  const scrollMs = now() - started;
  const trace = await browser.stopTracing();
  if (traceFile !== undefined) writeFileSync(traceFile, trace);
  const tasks = rendererTasks(trace);
  if (cpuProfile !== undefined) {
    writeFileSync(cpuProfile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  }
  peak = Math.max(peak, await heapMb(cdp, false));
  const heapEnd = await heapMb(cdp, true);
  const observed = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
  );
  const domRows = await page.getByTestId('list-row').count();
  const cpuLong = tasks.cpu.filter((ms) => ms > LONG_MS);

  console.log(
    `list_100k heap_mb=${heapEnd.toFixed(1)} long_tasks=${observed.length} ` +
      `(${steps} wheel steps of ${stepPx} px over ${(scrollMs / 1000).toFixed(1)} s, ` +
      `${list.fetched.toLocaleString('en')} of ${rows.toLocaleString('en')} rows fetched; ` +
      `heap after a full GC, long tasks = PerformanceObserver entries over ${LONG_MS} ms)`,
  );
  console.log(
    `  long tasks by main-thread CPU time over ${LONG_MS} ms: ${cpuLong.length} ` +
      `of ${tasks.cpu.length} tasks (longest ${maxOf(tasks.cpu).toFixed(1)} ms CPU, ` +
      `${maxOf(tasks.wall).toFixed(1)} ms wall; longest observed ${maxOf(observed).toFixed(0)} ms); ` +
      `main-thread CPU ${(sum(tasks.cpu) / steps).toFixed(1)} ms per step`,
  );
  console.log(
    `  heap after the first page ${heapLoaded.toFixed(1)} MB, highest read while scrolling ` +
      `${peak.toFixed(1)} MB, at the end after a full GC ${heapEnd.toFixed(1)} MB; ` +
      `${domRows} rows in the DOM at the end; load average at start ${fmt(loadAtStart)}, ` +
      `at end ${fmt(loadavg())}`,
  );
} finally {
  await browser.close();
  await host.stop();
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
}
