import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { openCentralCore, type CentralOptions } from './core';
import { healthResponse } from './health';
import type { CentralDb } from './db';
import { errorBody } from './errors';
import {
  FAULT_KINDS,
  noFaults,
  parseFaultSpec,
  pickFault,
  type FaultKind,
  type FaultPlan,
} from './faults';
import { summaryWork, type Ledger, type LedgerSummary } from './ledger';
import { SqliteStore } from './store/sqlite-store';
import type { CentralStore } from './store/work';
import type { HubLink } from './hub-link';
import { checkBindAddress } from './hub-tls';

export interface CentralStats {
  requests: number;
  faulted: number;
  faults: Record<FaultKind, number>;
  applied: number;
  /** Answers given as `duplicate`: replays the idempotency record (or the ledger) caught. */
  dedupeHits: number;
  rejected: number;
  conflicts: number;
  applications: number;
  /** Ledger rows minus distinct counter application numbers: anything above 0 is a double. */
  duplicateApplications: number;
  ops: number;
  orderViolations: number;
}

export interface CentralHandle {
  url: string;
  /** The token /admin/* requires. */
  adminToken: string;
  port: number;
  /** The SQLite handle (the embedded default); throws on PostgreSQL, use `store`. */
  db: CentralDb;
  store: CentralStore;
  ledger: Ledger;
  /** A hub's link to central (with `hubLink`): `enrol()` at start. */
  hubLink?: HubLink;
  /** Hard stop: cuts every connection at once (tests). */
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): /readyz answers 503, no new connections, requests in flight finish
   * (up to graceMs, then their connections are cut), then the database closes.
   */
  drain(graceMs?: number): Promise<{ finished: number; cut: number }>;
  setFaults(spec: string | FaultPlan): void;
  /** Counters and ledger figures, at once: SQLite only (PostgreSQL: readStats). */
  stats(): CentralStats;
  readStats(): Promise<CentralStats>;
  setDemo(enabled: boolean, intervalMs?: number): void;
}

import { DEV_REGISTRATION_SECRET } from '../shared/sync/dev-secret';

export { DEV_REGISTRATION_SECRET };
export { createCentralCore, openCentralCore, type CentralCore, type CentralOptions } from './core';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Starts the reference central system over HTTP. Used by central/main.ts, tests and benches. */
export async function startCentral(opts: CentralOptions): Promise<CentralHandle> {
  // Before anything opens: a hub refuses plain HTTP on a LAN address.
  checkBindAddress({
    host: opts.host ?? '127.0.0.1',
    mode: opts.mode ?? 'all',
    tls: opts.tls !== undefined,
  });
  const random = opts.random ?? Math.random;
  let plan: FaultPlan =
    typeof opts.faults === 'string' ? parseFaultSpec(opts.faults) : (opts.faults ?? noFaults());
  const counts = {
    requests: 0,
    faulted: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };

  let demoTimer: NodeJS.Timeout | undefined;
  const setDemo = (enabled: boolean, intervalMs = 5000, perTick = 3) => {
    if (demoTimer) clearInterval(demoTimer);
    demoTimer = undefined;
    if (enabled) {
      demoTimer = setInterval(() => {
        // A database that is away for a moment skips this tick.
        ledger.advanceSome(perTick).catch(() => undefined);
      }, intervalMs);
      demoTimer.unref();
    }
  };

  const statsOf = (s: LedgerSummary): CentralStats => {
    return {
      ...counts,
      faults: { ...counts.faults },
      applied: ledger.counters.applied,
      dedupeHits: ledger.counters.duplicates,
      rejected: ledger.counters.rejected,
      conflicts: ledger.counters.conflicts,
      applications: s.applications,
      duplicateApplications: s.applications - s.distinctAppNos,
      ops: s.ops,
      orderViolations: s.orderViolations,
    };
  };

  const setFaults = (spec: string | FaultPlan) => {
    plan = typeof spec === 'string' ? parseFaultSpec(spec) : spec;
  };

  const readStats = async (): Promise<CentralStats> => statsOf(await ledger.summary());
  const stats = (): CentralStats => {
    if (!(store instanceof SqliteStore)) {
      throw new Error('central runs on PostgreSQL: read its figures with readStats()');
    }
    return statsOf(store.readSync(summaryWork));
  };

  const core = await openCentralCore(opts, {
    setFaults,
    stats: readStats,
    setDemo: (on, ms) => setDemo(on, ms),
  });
  const { app, store, ledger, adminToken, hubLink } = core;

  const host = opts.host ?? '127.0.0.1';
  let port = opts.port ?? 0;
  let server: Server;
  let refusing = false;
  let closed = false;
  const sockets = new Set<Socket>();

  let relistenTimer: NodeJS.Timeout | undefined;

  // Refused connections: stop listening and cut every connection, then listen again. The timer
  // is the only thing alive while nothing listens, so it stays ref'd (an unref'd one let the
  // process exit quietly); a failed listen (the port taken meanwhile) tries again.
  const relistenAfter = (ms: number) => {
    relistenTimer = setTimeout(() => {
      relistenTimer = undefined;
      if (closed) return;
      listen().then(
        () => (refusing = false),
        () => relistenAfter(ms),
      );
    }, ms);
  };
  const refuseFor = (ms: number) => {
    if (refusing || closed) return;
    refusing = true;
    server.close();
    for (const s of sockets) s.destroy();
    relistenAfter(ms);
  };

  let draining = false;
  const withFaults = async (req: Request, env: HttpBindings): Promise<Response> => {
    const path = new URL(req.url).pathname;
    const probe = await healthResponse(path, { store, draining: () => draining });
    if (probe) return probe;
    if (!path.startsWith('/v1/')) return app.fetch(req, env);
    counts.requests++;
    const fault = pickFault(plan, random());
    if (!fault) return app.fetch(req, env);
    counts.faulted++;
    counts.faults[fault]++;
    const socket = env.incoming.socket;
    switch (fault) {
      case 'drop':
        socket.destroy();
        return RESPONSE_ALREADY_SENT;
      case 'refuse':
        socket.destroy();
        refuseFor(plan.refuseMs);
        return RESPONSE_ALREADY_SENT;
      case 'e500': {
        const { status, body } = errorBody(
          'internal',
          '中心系统内部错误',
          'Central system internal error',
        );
        return Response.json(body, { status });
      }
      case 'e503':
      case 'e429': {
        const retryAfterSeconds = plan.retryAfterSeconds;
        const { status, body } =
          fault === 'e503'
            ? errorBody(
                'unavailable',
                '中心系统暂时不可用',
                'Central system temporarily unavailable',
                {
                  retryAfterSeconds,
                },
              )
            : errorBody('rateLimited', '请求过于频繁', 'Too many requests', { retryAfterSeconds });
        return Response.json(body, {
          status,
          headers: { 'Retry-After': String(retryAfterSeconds) },
        });
      }
      case 'slow':
        await sleep(plan.slowMs);
        return app.fetch(req, env);
      case 'lostack': {
        const res = await app.fetch(req, env);
        await res.arrayBuffer(); // the work is committed; the answer never leaves
        socket.destroy();
        return RESPONSE_ALREADY_SENT;
      }
      case 'truncate': {
        const res = await app.fetch(req, env);
        const body = Buffer.from(await res.arrayBuffer());
        env.outgoing.writeHead(res.status, {
          'content-type': res.headers.get('content-type') ?? 'application/json',
          'content-length': String(body.length),
        });
        env.outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.destroy());
        return RESPONSE_ALREADY_SENT;
      }
    }
  };

  const handle = getRequestListener((req, env) => withFaults(req, env as HttpBindings), {
    hostname: host,
  });
  // Requests whose answer is not yet sent, so a graceful stop knows when it may close.
  let inFlight = 0;
  const listener: typeof handle = (req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    return handle(req, res);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = opts.tls
        ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener)
        : createServer(listener);
      server.keepAliveTimeout = 5000;
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen(port, host, () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  if (opts.demo) {
    const d = typeof opts.demo === 'object' ? opts.demo : {};
    setDemo(true, d.intervalMs, d.perTick);
  }

  return {
    url: `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    adminToken,
    port,
    get db() {
      return core.db;
    },
    store,
    ledger,
    ...(hubLink ? { hubLink } : {}),
    setFaults,
    stats,
    readStats,
    setDemo: (on, ms) => setDemo(on, ms),
    drain: async (graceMs = 10_000) => {
      draining = true;
      closed = true;
      setDemo(false);
      const busyAtStart = inFlight;
      if (server.listening) server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) {
        await sleep(20);
        server.closeIdleConnections();
      }
      const cut = inFlight;
      for (const s of sockets) s.destroy();
      await store.close();
      return { finished: busyAtStart - cut, cut };
    },
    close: async () => {
      closed = true;
      clearTimeout(relistenTimer);
      setDemo(false);
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await store.close();
    },
  };
}
