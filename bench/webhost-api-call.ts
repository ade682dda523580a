// The web host's HTTP layer per API call, without the services: a fresh process per run serves
// `POST /api/app.bootstrap` through the host's own app (electron/webhost/app.ts) with a dispatcher
// that answers at once; prints that process's CPU for its first call and per call over the next
// N - 1, medians over the runs. `--app DIR` loads app.ts from another checkout (e.g. main's
// worktree), so base and branch alternate in one command. Usage:
//   npx tsx bench/webhost-api-call.ts [--runs 4] [--calls 2000] [--app DIR[,DIR…]]
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { arg, quantile } from './lib';

const runs = Number(arg('runs') ?? 4);
const calls = Number(arg('calls') ?? 2000);
const apps = (arg('app') ?? '.').split(',').map((d) => resolve(d));
const SERVER = resolve(import.meta.dirname, 'webhost-api-call-server.ts');
const body = JSON.stringify({});

interface Report {
  firstMs: number;
  warmMsPerCall: number;
}

async function oneRun(app: string): Promise<Report> {
  const child = fork(SERVER, [app, String(calls)], { execArgv: ['--import', 'tsx'] });
  try {
    const report = new Promise<Report>((done) =>
      child.on('message', (m: Partial<Report>) => {
        if (m.firstMs !== undefined) done(m as Report);
      }),
    );
    const port = await new Promise<number>((done) =>
      child.once('message', (m: { port: number }) => done(m.port)),
    );
    for (let i = 0; i <= calls; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/app.bootstrap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (res.status !== 200) throw new Error(`call ${i} answered ${res.status}`);
      await res.arrayBuffer();
    }
    return await report;
  } finally {
    child.kill();
  }
}

const results = new Map<string, Report[]>(apps.map((a) => [a, []]));
const loadAtStart = loadavg()[0]!;
for (let i = 0; i < runs; i++) {
  for (const app of apps) results.get(app)!.push(await oneRun(app)); // alternating
}
console.log(
  `web host HTTP layer, ${runs} fresh processes per app, alternating, ${calls} calls each after the first; load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
);
for (const [app, rs] of results) {
  const first = rs.map((r) => r.firstMs);
  const warm = rs.map((r) => r.warmMsPerCall * 1000);
  console.log(
    `  ${app}: api_call_cpu_us=${quantile(warm, 0.5).toFixed(0)} per call (runs: ${warm.map((w) => w.toFixed(0)).join(', ')}); first call ${quantile(first, 0.5).toFixed(1)} ms of CPU (runs: ${first.map((f) => f.toFixed(1)).join(', ')})`,
  );
}
