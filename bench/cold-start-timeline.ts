// Where one cold start goes: spawns the built web host as webhost-cold-start.ts does, opens the
// list, and prints a timeline from the spawn: listening, each request the page sent (sent → answer
// finished), first contentful paint and the first list row; with `--cpu-profile FILE` also a
// DevTools CPU profile of the page's main thread from navigation to the first row. The host's own
// start is profiled with `--host-cpu-prof DIR` (node --cpu-prof). Needs a build. Usage:
//   npx tsx bench/cold-start-timeline.ts [--rows 10000] [--cpu-profile page.cpuprofile] [--host-cpu-prof DIR]
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/main/services/db';
import { seedApplications } from '../electron/main/services/testing/seed';
import { startProcess } from '../e2e/host-process';
import { sessionInitScript, setupSupervisor } from '../e2e/staff-session';
import { arg, now } from './lib';

const rows = Number(arg('rows') ?? 10_000);
const profileFile = arg('cpu-profile');
const hostProfileDir = arg('host-cpu-prof');
const HOST = 'out/webhost/main.js';
const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-timeline-'));
const dbFile = join(dir, 'hall.db');
const hostArgs = ['--port', '0', '--db', dbFile, '--role', 'staff'];

const seedDb = openDatabase(dbFile, { log: () => undefined });
seedApplications(seedDb, rows, { seed: 7, stepMs: 60_000 });
seedDb.close();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const first = await startProcess(HOST, hostArgs, HOST_URL);
const session = sessionInitScript(await setupSupervisor(first.url));
await first.stop();

const page = await browser.newPage();
await page.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), session);
const cdp = await page.context().newCDPSession(page);
if (profileFile) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
}
const events: { at: number; what: string }[] = [];
const mark = (what: string) => events.push({ at: now(), what });
const sentAt = new Map<object, number>();
const short = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '').replace(/\?.*$/, '');
page.on('request', (r) => sentAt.set(r, now()));
page.on('requestfinished', (r) => {
  const sent = sentAt.get(r) ?? NaN;
  events.push({
    at: sent,
    what: `${short(r.url())} (answer finished +${(now() - sent).toFixed(0)} ms)`,
  });
});

const t0 = now();
const host = await startProcess(
  HOST,
  hostArgs,
  HOST_URL,
  hostProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${hostProfileDir}` } : {},
);
mark('listening');
if (profileFile) await cdp.send('Profiler.start');
await page.goto(`${host.url}/#/applications`, { waitUntil: 'commit' });
mark('navigation committed');
await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
mark('first list row visible');
// Node's typings know no 'paint' entries; the page's performance does.
const paint = await page.evaluate(() =>
  (performance as unknown as { getEntriesByType(t: string): { name: string; startTime: number }[] })
    .getEntriesByType('paint')
    .map((e) => [e.name, e.startTime] as const),
);
if (profileFile) {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
}
await host.stop();
await browser.close();
rmSync(dir, { recursive: true, force: true });

// The page's paint times are relative to its own time origin; placed on the bench's clock
// through the navigation's commit, which both clocks saw within a few milliseconds.
console.log(
  `cold start timeline (ms from spawning the web host; ${rows.toLocaleString('en')} applications; load average ${loadavg()[0]!.toFixed(2)}):`,
);
const committed = events.find((e) => e.what === 'navigation committed')!.at;
for (const [name, t] of paint) events.push({ at: committed + t, what: `${name} (page clock, ±)` });
for (const e of events.sort((a, b) => a.at - b.at)) {
  console.log(`  ${(e.at - t0).toFixed(0).padStart(6)}  ${e.what}`);
}
