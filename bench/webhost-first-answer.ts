// The web host alone, no browser: spawns the built host (`out/webhost/main.js`) on a seeded file,
// sends the page's two start-up calls (`app.bootstrap` and the list's first page) the moment it
// listens, and prints the clock and the host process's CPU time (/proc) to listening and to both
// answers. The host loads its services at the first call, so this is its whole start-up work
// without the page's; CPU is the figure to compare on a shared machine. Needs a build. Usage:
//   npx tsx bench/webhost-first-answer.ts [--rows 10000] [--runs 7] [--out out]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/main/services/db';
import { seedApplications } from '../electron/main/services/testing/seed';
import { startProcess } from '../e2e/host-process';
import { SESSION_HEADER, setupSupervisor } from '../e2e/staff-session';
import { PAGE_SIZE } from '../renderer/src/stores/list-page-size';
import { arg, ms, now, processCpuMs, quantile } from './lib';

const rows = Number(arg('rows') ?? 10_000);
const runs = Number(arg('runs') ?? 7);
const out = arg('out') ?? 'out';
const HOST = `${out}/webhost/main.js`;
const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-first-answer-'));
const dbFile = join(dir, 'hall.db');
const hostArgs = ['--port', '0', '--db', dbFile, '--role', 'staff'];

const seedDb = openDatabase(dbFile, { log: () => undefined });
seedApplications(seedDb, rows, { seed: 7, stepMs: 60_000 });
seedDb.close();
const first = await startProcess(HOST, hostArgs, HOST_URL);
const { token } = await setupSupervisor(first.url);
await first.stop();

const call = async (url: string, method: string, input: unknown) => {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SESSION_HEADER]: token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean };
  if (!body.ok) throw new Error(`${method} was refused: ${res.status}`);
};

const listening: number[] = [];
const answered: number[] = [];
const cpuListening: number[] = [];
const cpuAnswered: number[] = [];
const loadAtStart = loadavg()[0]!;
for (let i = 0; i < runs; i++) {
  const t0 = now();
  const host = await startProcess(HOST, hostArgs, HOST_URL);
  listening.push(now() - t0);
  cpuListening.push(processCpuMs(host.child.pid!));
  await Promise.all([
    call(host.url, 'app.bootstrap', {}),
    call(host.url, 'applications.list', { offset: 0, limit: PAGE_SIZE }), // the list's first page
  ]);
  answered.push(now() - t0);
  cpuAnswered.push(processCpuMs(host.child.pid!));
  await host.stop();
}
rmSync(dir, { recursive: true, force: true });

const line = (label: string, xs: number[]) =>
  `  ${label.padEnd(44)} median ${ms(quantile(xs, 0.5)).padStart(10)}  min ${ms(Math.min(...xs)).padStart(10)}  max ${ms(Math.max(...xs)).padStart(10)}`;
console.log(
  `first_answer_ms=${quantile(answered, 0.5).toFixed(0)} host_cpu_ms=${quantile(cpuAnswered, 0.5).toFixed(0)} ` +
    `(medians over ${runs} runs; ${rows.toLocaleString('en')} applications; load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end)`,
);
console.log(line('spawn → listening', listening));
console.log(line('spawn → bootstrap and first list page answered', answered));
console.log(line('host process CPU to listening', cpuListening));
console.log(line('host process CPU to both answers', cpuAnswered));
