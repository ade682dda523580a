import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { openCentralDb } from '../../central/db';
import { QueueRefusal, QueueStore } from '../../central/queue/store';
import { SqliteStore } from '../../central/store/sqlite-store';
import { DEFAULT_WEIGHTS } from '../../shared/queue/defaults';
import { hallDate } from '../../shared/hall-time';
import { ticketNumber } from '../../shared/queue/numbering';
import { PRIORITIES, type Priority, type QueueConfig } from '../../shared/queue/schemas';

/**
 * Model-based property test of the shared queue: random sequences of issue / call / serve /
 * finish / no-show / transfer / cancel / clock moves run against the real store on a real
 * SQLite file and against a plain model written here from the rules (weight, then arrival;
 * numbers per prefix per hall day; daily caps; transfers keep number and arrival).
 */

const HALL = 'H1';
const SERVICES = [
  { code: 'NEW', prefix: 'A', cap: 6 },
  { code: 'CHANGE', prefix: 'B', cap: 4 },
  { code: 'GENERAL', prefix: 'C', cap: 8 },
] as const;
const COUNTERS = ['C01', 'C02', 'C03'] as const;

const CONFIG: QueueConfig = {
  version: 1,
  services: SERVICES.map((s) => ({
    code: s.code,
    prefix: s.prefix,
    name: { zh: s.code, en: s.code },
    dailyCap: s.cap,
    warnAt: 3,
    families: [],
    typeCodes: [],
  })),
  weights: DEFAULT_WEIGHTS,
  counters: {},
  longWaitMinutes: 15,
};

interface ModelTicket {
  id: string;
  number: string;
  service: string;
  weight: number;
  arrival: number;
  order: number;
  day: string;
  state: 'issued' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'transferred';
  counter: string | null;
}

type Cmd =
  | { k: 'issue'; service: number; priority: Priority }
  | { k: 'call'; counter: number; services: number[] }
  | { k: 'serve' | 'finish' | 'noShow'; counter: number }
  | { k: 'transfer'; counter: number; to: number }
  | { k: 'cancel'; pick: number }
  | { k: 'tick'; ms: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('issue' as const),
      service: fc.integer({ min: 0, max: 2 }),
      priority: fc.constantFrom(...PRIORITIES),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('call' as const),
      counter: fc.integer({ min: 0, max: 2 }),
      services: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constantFrom('serve' as const, 'finish' as const, 'noShow' as const),
      counter: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('transfer' as const),
      counter: fc.integer({ min: 0, max: 2 }),
      to: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('cancel' as const), pick: fc.nat() }),
  },
  {
    weight: 2,
    // Mostly seconds to minutes; sometimes most of a day, which crosses hall midnight.
    arbitrary: fc.record({
      k: fc.constant('tick' as const),
      ms: fc.oneof(
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 0, max: 20 * 3600_000 }),
      ),
    }),
  },
);

const dir = mkdtempSync(join(tmpdir(), 'hall-queue-prop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runNo = 0;

async function refusalReason(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (err) {
    if (err instanceof QueueRefusal) return err.body.reason ?? err.body.code;
    throw err;
  }
}

async function runScenario(start: number, cmds: Cmd[]): Promise<void> {
  const db = openCentralDb(join(dir, `q${runNo++}.db`));
  let clock = start;
  const store = new QueueStore(new SqliteStore(db), { now: () => clock });
  await store.saveConfig(HALL, { config: CONFIG });

  const model: ModelTicket[] = [];
  const numbers = new Map<string, number>();
  let order = 0;
  const today = () => hallDate(clock);
  const active = (counter: string) =>
    model.find((t) => t.counter === counter && (t.state === 'called' || t.state === 'serving'));

  try {
    for (const c of cmds) {
      switch (c.k) {
        case 'tick':
          clock += c.ms;
          break;
        case 'issue': {
          const svc = SERVICES[c.service] as (typeof SERVICES)[number];
          const key = `${today()}/${svc.prefix}`;
          const last = numbers.get(key) ?? 0;
          const id = uuidv7();
          if (last >= svc.cap) {
            const reason = await refusalReason(() =>
              store.issue(HALL, 'G01', {
                id,
                serviceCode: svc.code,
                priority: c.priority,
                channel: 'guide',
              }),
            );
            expect(reason).toBe('cap_reached');
            break;
          }
          const t = await store.issue(HALL, 'G01', {
            id,
            serviceCode: svc.code,
            priority: c.priority,
            channel: 'guide',
          });
          numbers.set(key, last + 1);
          // Numbering: prefix + the next number of this hall day, from 001.
          expect(t.number).toBe(ticketNumber(svc.prefix, last + 1));
          expect(t.day).toBe(today());
          const mt: ModelTicket = {
            id,
            number: t.number,
            service: svc.code,
            weight: DEFAULT_WEIGHTS[c.priority],
            arrival: clock,
            order: order++,
            day: today(),
            state: 'issued',
            counter: null,
          };
          const ahead = model.filter(
            (o) =>
              o.state === 'issued' &&
              o.day === mt.day &&
              o.service === mt.service &&
              (o.weight > mt.weight ||
                (o.weight === mt.weight &&
                  (o.arrival < mt.arrival || (o.arrival === mt.arrival && o.order < mt.order)))),
          ).length;
          expect(t.ahead).toBe(ahead);
          model.push(mt);
          break;
        }
        case 'call': {
          const counter = COUNTERS[c.counter] as string;
          const services: string[] = c.services.map(
            (i) => (SERVICES[i] as (typeof SERVICES)[number]).code,
          );
          const requestId = uuidv7();
          if (active(counter)) {
            expect(
              await refusalReason(() => store.callNext(HALL, counter, { requestId, services })),
            ).toBe('counter_busy');
            break;
          }
          const expected = model
            .filter(
              (t) => t.state === 'issued' && t.day === today() && services.includes(t.service),
            )
            .sort((a, b) => b.weight - a.weight || a.arrival - b.arrival || a.order - b.order)[0];
          const { ticket } = await store.callNext(HALL, counter, { requestId, services });
          expect(ticket?.id ?? null).toBe(expected?.id ?? null);
          if (expected) {
            expected.state = 'called';
            expected.counter = counter;
            // A retried request (lost answer) returns the same ticket and calls nobody else.
            expect((await store.callNext(HALL, counter, { requestId, services })).ticket?.id).toBe(
              expected.id,
            );
          }
          break;
        }
        case 'serve':
        case 'finish':
        case 'noShow': {
          const counter = COUNTERS[c.counter] as string;
          const t = active(counter);
          if (!t) break;
          if (c.k === 'noShow' && t.state === 'serving') {
            expect(await refusalReason(() => store.noShow(HALL, counter, t.id))).toBe(
              'wrong_state',
            );
            break;
          }
          const out =
            c.k === 'serve'
              ? await store.serve(HALL, counter, t.id)
              : c.k === 'finish'
                ? await store.finish(HALL, counter, {
                    ticketId: t.id,
                    servicesDone: ['X'],
                    applicationIds: [],
                  })
                : await store.noShow(HALL, counter, t.id);
          t.state = c.k === 'serve' ? 'serving' : c.k === 'finish' ? 'done' : 'no_show';
          expect(out.state).toBe(t.state);
          break;
        }
        case 'transfer': {
          const counter = COUNTERS[c.counter] as string;
          const t = active(counter);
          const to = (SERVICES[c.to] as (typeof SERVICES)[number]).code;
          if (!t) break;
          const newId = uuidv7();
          if (to === t.service) {
            expect(
              await refusalReason(() =>
                store.transfer(HALL, counter, { ticketId: t.id, toService: to, newId }),
              ),
            ).toBe('wrong_state');
            break;
          }
          const moved = await store.transfer(HALL, counter, {
            ticketId: t.id,
            toService: to,
            newId,
          });
          // Same number, waiting in the other service, the original arrival kept.
          expect(moved.number).toBe(t.number);
          expect(moved.state).toBe('issued');
          expect(moved.serviceCode).toBe(to);
          t.state = 'transferred';
          model.push({
            ...t,
            id: newId,
            service: to,
            state: 'issued',
            counter: null,
            order: order++,
          });
          break;
        }
        case 'cancel': {
          const waiting = model.filter((t) => t.state === 'issued');
          const t = waiting[c.pick % Math.max(1, waiting.length)];
          if (!t) break;
          expect((await store.cancel(HALL, 'G01', t.id)).state).toBe('cancelled');
          t.state = 'cancelled';
          break;
        }
      }
    }
    // The store's view of today's waiting line equals the model's, in call order.
    const waitingIds = (await store.tickets(HALL, { states: ['issued'], limit: 500 })).map(
      (t) => t.id,
    );
    const modelWaiting = model
      .filter((t) => t.state === 'issued' && t.day === today())
      .sort((a, b) => b.weight - a.weight || a.arrival - b.arrival || a.order - b.order)
      .map((t) => t.id);
    expect(waitingIds).toEqual(modelWaiting);
    // Per hall day and prefix, numbers are 1..n without gaps or repeats.
    const rows = db
      .prepare(
        'SELECT day, substr(number, 1, 1) AS prefix, seq FROM queue_tickets WHERE seq IS NOT NULL ORDER BY day, prefix, seq',
      )
      .all() as { day: string; prefix: string; seq: number }[];
    const groups = new Map<string, number[]>();
    for (const r of rows)
      groups.set(`${r.day}/${r.prefix}`, [...(groups.get(`${r.day}/${r.prefix}`) ?? []), r.seq]);
    for (const [key, seqs] of groups) {
      expect(seqs, key).toEqual(seqs.map((_, i) => i + 1));
      const svc = SERVICES.find((s) => key.endsWith(`/${s.prefix}`));
      expect(seqs.length).toBeLessThanOrEqual(svc?.cap ?? 0);
    }
  } finally {
    db.close();
  }
}

describe('the shared queue (model-based, real SQLite)', () => {
  it('orders by priority weight then arrival, numbers per prefix and hall day, caps, transfers', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Any start time over two years, so hall midnight falls anywhere in a run.
        fc.integer({
          min: Date.parse('2026-01-01T00:00:00Z'),
          max: Date.parse('2027-12-31T00:00:00Z'),
        }),
        fc.array(cmd, { minLength: 1, maxLength: 80 }),
        (start, cmds) => runScenario(start, cmds),
      ),
      { numRuns: 300 },
    );
  });

  it('resets numbering at hall midnight (Asia/Shanghai), not at UTC midnight', async () => {
    const db = openCentralDb(join(dir, 'midnight.db'));
    // 23:59:59 hall time on 2026-03-01 is 15:59:59 UTC.
    let clock = Date.parse('2026-03-01T15:59:59.000Z');
    const store = new QueueStore(new SqliteStore(db), { now: () => clock });
    const issue = () =>
      store.issue(HALL, 'G01', {
        id: uuidv7(),
        serviceCode: 'NEW',
        priority: 'normal',
        channel: 'guide',
      });
    expect((await issue()).number).toBe('A001');
    expect((await issue()).number).toBe('A002');
    clock += 1000; // 00:00:00 hall time on 03-02
    const next = await issue();
    expect(next.number).toBe('A001');
    expect(next.day).toBe('2026-03-02');
    // Yesterday's waiting tickets are not called today.
    const called = (await store.callNext(HALL, 'C01', { requestId: uuidv7(), services: ['NEW'] }))
      .ticket;
    expect(called?.id).toBe(next.id);
    expect(
      (await store.callNext(HALL, 'C02', { requestId: uuidv7(), services: ['NEW'] })).ticket,
    ).toBeNull();
    clock = Date.parse('2026-03-02T15:59:59.999Z'); // still 03-02 in the hall
    expect((await issue()).number).toBe('A002');
    db.close();
  });
});
