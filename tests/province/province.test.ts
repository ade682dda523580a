import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../central/server';
import type { PostgresStore } from '../../central/store/postgres-store';
import { captureChild } from '../support/test-log';
import { postgresMissing, startPostgres } from '../support/postgres';

/**
 * A province: simulated stations (halls × 4) against one central on PostgreSQL, at once, with
 * central's fault mode on, and PostgreSQL killed (immediate stop) in the middle and started
 * again. Every application op and ticket a station had an answer for must be in the database
 * afterwards (lost=0), nothing may exist twice (duplicates=0: a ticket called by two counters,
 * a call recorded twice, a central number or counter application number twice), and central
 * numbers per hall and day have no gaps. The stations recover by themselves: they only send
 * unanswered requests again.
 *
 * Size: PROVINCE_HALLS halls (default 100: 400 stations, about a minute on a 2-core machine,
 * the size the suite runs). The province of issue 16 is the bench size, 500 halls (2,000
 * stations): `PROVINCE_HALLS=500 npx vitest run tests/province` (bench/README.md has figures).
 */

const HALLS = hallsFrom(process.env.PROVINCE_HALLS);
const WORKERS = 4;
const APPS_PER_STATION = 1;
const TICKETS_PER_HALL = 3;
const FAULTS =
  'drop=0.01,lostack=0.02,500=0.01,503=0.01,429=0.005,slow=0.01,truncate=0.02,refuse=0.002,slowMs=300,retryAfter=1,refuseMs=150';
const pgMissing = postgresMissing();
if (pgMissing) console.log(`province simulation skipped: ${pgMissing}`);

/** Halls from the environment: a whole number from 2 (the kill needs a run still busy at 4 s). */
function hallsFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 100;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`PROVINCE_HALLS must be a whole number ≥ 2, not ${text}`);
  return n;
}

interface Report {
  acked: { applicationId: string; centralNo: string; version: number }[];
  issued: string[];
  called: { ticketId: string; hall: string; counter: string }[];
  latencies: number[];
  attempts: number;
  unavailable: number;
  watches: number;
}

function worker(url: string, halls: string[]) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(import.meta.dirname, 'station-worker.ts'),
      JSON.stringify({
        url,
        halls,
        appsPerStation: APPS_PER_STATION,
        ticketsPerHall: TICKETS_PER_HALL,
      }),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  captureChild(child, 'stations');
  let out = '';
  let err = '';
  let onRegistered: () => void = () => undefined;
  const registered = new Promise<void>((r) => (onRegistered = r));
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('registered')) onRegistered();
  });
  const report = new Promise<Report>((done, fail) =>
    child.on('close', (code) =>
      code === 0 ? done(JSON.parse(out) as Report) : fail(new Error(err.slice(-2000))),
    ),
  );
  return { child, registered, report };
}

const p99 = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0);
};

describe.skipIf(pgMissing)('a province on PostgreSQL', () => {
  it(`${HALLS * 4} stations sync and call at once with faults and a database kill: nothing acknowledged lost, nothing twice`, async () => {
    // fsync off: an immediate stop kills the server's processes, not the machine, so what a
    // commit wrote is in the OS's page cache and survives; nothing here depends on fsync.
    const server = await startPostgres({ settings: { fsync: 'off', max_connections: '100' } });
    let central: CentralHandle | undefined;
    const workers: ReturnType<typeof worker>[] = [];
    try {
      const dbUrl = await server.freshDatabase();
      central = await startCentral({
        dbFile: dbUrl,
        keyFile: ':ephemeral:',
        poolSize: 40,
        allowDevelopmentSecret: true,
      });
      const halls = Array.from({ length: HALLS }, (_, i) => `P${String(i + 1).padStart(4, '0')}`);
      for (let w = 0; w < WORKERS; w++) {
        workers.push(
          worker(
            central.url,
            halls.filter((_, i) => i % WORKERS === w),
          ),
        );
      }
      await Promise.all(workers.map((w) => w.registered));
      central.setFaults(FAULTS);
      const started = Date.now();
      for (const w of workers) w.child.stdin.end('go\n');

      // Kill PostgreSQL while the stations are busy, then start it again.
      let finished = false;
      const reports = Promise.all(workers.map((w) => w.report)).finally(() => (finished = true));
      await new Promise((r) => setTimeout(r, 4000));
      expect(finished).toBe(false);
      server.crash();
      const killedAt = Date.now() - started;
      await new Promise((r) => setTimeout(r, 2000));
      server.restart();
      const downMs = Date.now() - started - killedAt;

      const all = await reports;
      const seconds = (Date.now() - started) / 1000;
      central.setFaults('');
      const acked = all.flatMap((r) => r.acked);
      const issued = all.flatMap((r) => r.issued);
      const called = all.flatMap((r) => r.called);
      const latencies = all.flatMap((r) => r.latencies);

      const db = new pg.Client({ connectionString: dbUrl });
      await db.connect();
      try {
        const q = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
          (await db.query<R>(text, params)).rows;
        const apps = new Map(
          (
            await q<{ application_id: string; central_no: string; version: number }>(
              'SELECT application_id, central_no, version FROM applications',
            )
          ).map((r) => [r.application_id, r]),
        );
        const lostApps = acked.filter(
          (a) =>
            apps.get(a.applicationId)?.central_no !== a.centralNo ||
            (apps.get(a.applicationId)?.version ?? 0) < a.version,
        ).length;
        const tickets = new Map(
          (
            await q<{ id: string; state: string; counter: string | null }>(
              'SELECT id, state, counter FROM queue_tickets',
            )
          ).map((r) => [r.id, r]),
        );
        const lostTickets = issued.filter((id) => !tickets.has(id)).length;
        const lostCalls = called.filter(
          (c) =>
            tickets.get(c.ticketId)?.state !== 'done' ||
            tickets.get(c.ticketId)?.counter !== c.counter,
        ).length;
        const notServed = issued.filter((id) => tickets.get(id)?.state !== 'done').length;

        const calledTwice = called.length - new Set(called.map((c) => c.ticketId)).size;
        const [dupCalls] = await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT ticket_id FROM queue_events WHERE kind = 'call'
             GROUP BY ticket_id HAVING count(*) > 1) x`,
        );
        const [dupApps] = await q<{ n: number }>(
          `SELECT (count(*) - count(DISTINCT app_no))::int AS n FROM applications`,
        );
        const [gaps] = await q<{ n: number }>(
          `SELECT count(*)::int AS n FROM (
             SELECT hall_code, max(split_part(central_no, '-', 3)::int) AS top, count(*) AS k
               FROM applications GROUP BY hall_code, split_part(central_no, '-', 2)) x
           WHERE top <> k`,
        );
        const stats = await central.readStats();

        const lost = lostApps + lostTickets + lostCalls;
        const duplicates = calledTwice + (dupCalls?.n ?? 0) + (dupApps?.n ?? 0);
        const ops = acked.length * 2 + issued.length + called.length * 2;
        console.log(
          `province stations=${HALLS * 4} ops=${ops} lost=${lost} duplicates=${duplicates} p99_ms=${p99(latencies)}`,
        );
        console.log(
          `province detail: ${seconds.toFixed(1)} s; applications acked=${acked.length} (2 ops each), tickets issued=${issued.length} called=${called.length}; ` +
            `requests sent=${all.reduce((n, r) => n + r.attempts, 0)} answered=${latencies.length} (long polls apart: ${all.reduce((n, r) => n + r.watches, 0)}); faults=${stats.faulted}; ` +
            `postgres killed at ${(killedAt / 1000).toFixed(1)} s for ${downMs} ms, 503 answers=${all.reduce((n, r) => n + r.unavailable, 0)}; ` +
            `write retries=${(central.store as PostgresStore).retries}; number gaps=${gaps?.n ?? -1}; order violations=${stats.orderViolations}`,
        );
        expect(acked.length).toBe(HALLS * 4 * APPS_PER_STATION);
        expect(issued.length).toBe(HALLS * TICKETS_PER_HALL);
        expect(lost).toBe(0);
        expect(duplicates).toBe(0);
        expect(notServed).toBe(0);
        expect(gaps?.n).toBe(0);
        expect(stats.orderViolations).toBe(0);
        expect(stats.faulted).toBeGreaterThan(0);
      } finally {
        await db.end();
      }
    } finally {
      for (const w of workers) w.child.kill();
      await central?.close();
      server.stop();
    }
  }, 900_000);
});
