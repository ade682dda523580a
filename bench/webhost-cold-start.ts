// Web host cold start to the first rendered list: from spawning the web host process to the first
// application row visible in Chromium (the browser is already running, as on a hall PC).
// Needs a build (`npm run build`). Usage: npx tsx bench/webhost-cold-start.ts [--rows 10000] [--runs 5]
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/main/services/db';
import { seedApplications } from '../electron/main/services/testing/seed';
import { startProcess } from '../e2e/host-process';
import { sessionInitScript, setupSupervisor } from '../e2e/staff-session';
import { arg, ms, now, quantile } from './lib';

const rows = Number(arg('rows') ?? 10_000);
const runs = Number(arg('runs') ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-cold-'));
const dbFile = join(dir, 'hall.db');

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
const first = await startProcess(
  'electron/webhost/main.ts',
  ['--port', '0', '--db', dbFile],
  /web host: (http:\/\/127\.0\.0\.1:\d+)\//,
);
const session = sessionInitScript(await setupSupervisor(first.url));
await first.stop();

const ready: number[] = [];
const firstList: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = now();
  const host = await startProcess(
    'electron/webhost/main.ts',
    ['--port', '0', '--db', dbFile],
    /web host: (http:\/\/127\.0\.0\.1:\d+)\//,
  );
  ready.push(now() - t0);
  const page = await browser.newPage();
  await page.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), session);
  await page.goto(`${host.url}/#/applications`);
  await page.getByTestId('list-row').first().waitFor({ state: 'visible' });
  firstList.push(now() - t0);
  await page.close();
  await host.stop();
}
await browser.close();
rmSync(dir, { recursive: true, force: true });

const line = (label: string, s: number[]) =>
  `  ${label.padEnd(34)} p50 ${ms(quantile(s, 0.5)).padStart(10)}  max ${ms(Math.max(...s)).padStart(10)}`;
console.log(`web host cold start, ${rows.toLocaleString('en')} applications, ${runs} runs:`);
console.log(line('spawn → listening', ready));
console.log(line('spawn → first list row rendered', firstList));
