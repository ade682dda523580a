import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentral, type CentralHandle } from '../../central/server';
import { openCentralStore } from '../../central/store/open';
import { get } from '../../central/store/work';
import { postgresMissing, startPostgres } from '../support/postgres';
import { QueueStore } from '../../central/queue/store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import { registerStation } from './queue-client';
import { captureChild } from '../support/test-log';

/**
 * "Several counters calling at once never get the same ticket": five counters call next at the
 * same moment, 1,000 rounds, against the real central system over real HTTP; then five
 * separate processes, each with its own SQLite connection to one file, do the same without
 * HTTP in between. No ticket may be handed out twice, none may be lost.
 */

const HALL = 'HALL-C';
const pgMissing = postgresMissing();
const ROUNDS = 1000;
const COUNTERS = 5;

let dir: string;
let central: CentralHandle | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-queue-conc-'));
});
afterEach(async () => {
  await central?.close();
  central = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A small seeded generator, so a failing run can be repeated. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('queue concurrency', () => {
  it('5 counters calling next at once over HTTP, 1,000 rounds: every ticket served exactly once', async () => {
    // Caps high enough for the run: this test is about calling, not caps.
    const config = {
      ...DEFAULT_QUEUE_CONFIG,
      services: DEFAULT_QUEUE_CONFIG.services.map((s) => ({ ...s, dailyCap: 9999 })),
    };
    central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: join(dir, 'central.db'),
    });
    const guide = await registerStation(central.url, HALL, 'G01');
    await guide.call('saveConfig', { config });
    const counters = await Promise.all(
      Array.from({ length: COUNTERS }, (_, i) => registerStation(central!.url, HALL, `C0${i + 1}`)),
    );
    const services = config.services.map((s) => s.code);
    const random = lcg(20260301);

    const issued = new Map<string, string>(); // id → number
    const servedBy = new Map<string, string[]>(); // id → counters that were handed it
    let emptyCalls = 0;

    const serveOnce = async (counter: (typeof counters)[number]) => {
      const { ticket } = await counter.call('callNext', { requestId: uuidv7(), services });
      if (!ticket) {
        emptyCalls++;
        return;
      }
      servedBy.set(ticket.id, [...(servedBy.get(ticket.id) ?? []), counter.code]);
      await counter.call('finish', { ticketId: ticket.id, servicesDone: [], applicationIds: [] });
    };

    for (let round = 0; round < ROUNDS; round++) {
      // Three to seven new customers a round, issued concurrently too: sometimes fewer
      // tickets than counters, sometimes more, so the line grows and shrinks.
      const n = 3 + Math.floor(random() * 5);
      const batch = await Promise.all(
        Array.from({ length: n }, () =>
          guide.call('issue', {
            id: uuidv7(),
            serviceCode: services[Math.floor(random() * services.length)] as string,
            priority: random() < 0.2 ? 'elderly' : 'normal',
            channel: 'guide',
          }),
        ),
      );
      for (const t of batch) issued.set(t.id, t.number);
      await Promise.all(counters.map(serveOnce));
    }
    // Drain what is left, still five at a time.
    for (;;) {
      const before = emptyCalls;
      await Promise.all(counters.map(serveOnce));
      if (emptyCalls - before === COUNTERS) break;
    }

    const twice = [...servedBy.entries()].filter(([, who]) => who.length > 1);
    expect(twice).toEqual([]);
    const lost = [...issued.keys()].filter((id) => !servedBy.has(id));
    expect(lost).toEqual([]);
    expect(servedBy.size).toBe(issued.size);
    // Numbers were handed out concurrently too: none twice.
    expect(new Set(issued.values()).size).toBe(issued.size);

    const db = central.db;
    const states = db
      .prepare('SELECT state, count(*) AS n FROM queue_tickets WHERE hall_code = ? GROUP BY state')
      .all(HALL) as { state: string; n: number }[];
    expect(states).toEqual([{ state: 'done', n: issued.size }]);
    const calls = db
      .prepare(
        "SELECT ticket_id, count(*) AS n FROM queue_events WHERE kind = 'call' GROUP BY ticket_id HAVING n > 1",
      )
      .all();
    expect(calls).toEqual([]);
    console.log(
      `queue concurrency: ${ROUNDS} rounds × ${COUNTERS} counters, ${issued.size} tickets, each served once`,
    );
  });

  it('5 processes with their own SQLite connections calling next on one file, 1,000 tickets: no ticket twice', async () => {
    await callersInProcesses(join(dir, 'shared.db'), 'SQLite');
  });

  it.skipIf(pgMissing)(
    '5 processes with their own PostgreSQL connections calling next, 1,000 tickets: no ticket twice',
    async () => {
      const server = await startPostgres();
      try {
        await callersInProcesses(await server.freshDatabase(), 'PostgreSQL');
      } finally {
        server.stop();
      }
    },
    // A server to start and 1,000 tickets to issue before the race: slower than SQLite's file.
    300_000,
  );
});

if (pgMissing) console.log(`queue concurrency on PostgreSQL skipped: ${pgMissing}`);

/** Five counter processes, each with its own connection to one store, empty a line of 1,000. */
async function callersInProcesses(dbFile: string, engine: string): Promise<void> {
  {
    const opened = await openCentralStore({ dbFile });
    const store = new QueueStore(opened.store, {});
    await store.saveConfig(HALL, {
      config: {
        ...DEFAULT_QUEUE_CONFIG,
        services: DEFAULT_QUEUE_CONFIG.services.map((s) => ({ ...s, dailyCap: 9999 })),
      },
    });
    // 1,000 tickets: five processes fighting for one file's write lock with fsync on every
    // commit is slow on a 2-core machine; the 1,000-round run above is the HTTP one.
    const total = 1000;
    const issueOne = (i: number) =>
      store.issue(HALL, 'G01', {
        id: uuidv7(),
        serviceCode: ['NEW', 'CHANGE', 'GENERAL'][i % 3] as string,
        priority: i % 7 === 0 ? 'vip' : 'normal',
        channel: 'guide',
      });
    const issued: Promise<{ id: string }>[] = [];
    if (opened.db) {
      // SQLite runs the work at once: one transaction (one fsync) around all of them.
      opened.db.transaction(() => {
        for (let i = 0; i < total; i++) issued.push(issueOne(i));
      })();
    } else {
      for (let i = 0; i < total; i += 4) {
        const batch = Array.from({ length: 4 }, (_, k) => issueOne(i + k));
        await Promise.all(batch);
        issued.push(...batch);
      }
    }
    const ids = new Set((await Promise.all(issued)).map((t) => t.id));
    await opened.store.close();

    const child = resolve(import.meta.dirname, 'caller-child.ts');
    let ready = 0;
    let goAll: () => void = () => undefined;
    const allReady = new Promise<void>((r) => (goAll = r));
    const procs = Array.from({ length: COUNTERS }, (_, i) =>
      spawn(process.execPath, ['--import', 'tsx', child, dbFile, HALL, `C0${i + 1}`], {
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    procs.forEach((p, i) => captureChild(p, `counter-${i + 1}`));
    const results = procs.map(
      (p) =>
        new Promise<string[]>((done, fail) => {
          let out = '';
          let err = '';
          p.stdout.on('data', (d: Buffer) => (out += d.toString()));
          p.stderr.on('data', (d: Buffer) => {
            err += d.toString();
            if (d.toString().includes('ready') && ++ready === COUNTERS) goAll();
          });
          p.on('close', (code) =>
            code === 0 ? done(out.split('\n').filter(Boolean)) : fail(new Error(err)),
          );
        }),
    );
    await allReady;
    for (const p of procs) p.stdin.end('go\n');
    const outputs = await Promise.all(results);
    const all = outputs.flat();
    expect(new Set(all).size).toBe(all.length); // nobody got a ticket another process got
    expect(new Set(all)).toEqual(ids); // and every ticket went to someone
    // Several processes did part of the work, so the calls really interleaved. (Not all five
    // always do: SQLite's busy handler is not fair and may starve one for the whole run.)
    console.log(
      `queue concurrency (${engine}): tickets per process ${outputs.map((o) => o.length).join(', ')}`,
    );
    expect(outputs.filter((o) => o.length > 0).length).toBeGreaterThanOrEqual(2);
    const check = await openCentralStore({ dbFile });
    const left = await check.store.read(() =>
      get<{ n: number }>("SELECT count(*) AS n FROM queue_tickets WHERE state <> 'done'"),
    );
    expect(left?.n).toBe(0);
    await check.store.close();
  }
}
