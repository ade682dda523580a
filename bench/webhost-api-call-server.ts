// Child of webhost-api-call.ts: the web host's HTTP app (loopback checks, media type, byte limit,
// JSON, the answer) over @hono/node-server with a dispatcher that answers at once, so what is
// measured is the HTTP layer's own CPU per call. Reports its CPU for the first call and for the
// calls after it.
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import type { createWebApp as CreateWebApp } from '../electron/webhost/app';

const root = resolve(process.argv[2] ?? '.');
const calls = Number(process.argv[3] ?? 2000);
const { createWebApp } = (await import(resolve(root, 'electron/webhost/app.ts'))) as {
  createWebApp: typeof CreateWebApp;
};
let port = 0;
const app = createWebApp({
  dispatch: () => Promise.resolve({ ok: true as const, value: { answered: true } }),
  getPort: () => port,
});
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const marks: number[] = [];
let answered = 0;
serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (req, env) => {
      if (answered === 0) marks.push(cpuMs());
      const res = await app.fetch(req, env);
      answered++;
      if (answered === 1 || answered === 2 || answered === calls + 1) marks.push(cpuMs());
      if (answered === calls + 1) {
        const [a, b, c, d] = marks as [number, number, number, number];
        process.send?.({ firstMs: b - a, warmMsPerCall: (d - c) / (calls - 1) });
      }
      return res;
    },
  },
  (info) => {
    port = info.port;
    process.send?.({ port });
  },
);
