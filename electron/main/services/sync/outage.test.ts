import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEV_REGISTRATION_SECRET,
  createCentralCore,
  type CentralCore,
} from '../../../../central/server';
import type { Database } from '../db';
import { backoffWindow, type BackoffPolicy } from './backoff';
import { SyncEngine, type SyncEvent } from './engine';
import { openSyncDb, seedQueued } from './testing/seed';
import { seededRandom } from './testing/random';
import type { FetchLike } from '../central-client';

let dir: string;
let core: CentralCore;
let db: Database;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(new Date('2026-03-02T01:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'sync-outage-'));
  core = createCentralCore({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
  });
  db = openSyncDb(join(dir, 'hall.db'));
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const POLICY: BackoffPolicy = { baseMs: 1000, capMs: 60_000, floorMs: 100 };
const HOUR = 3600_000;

describe('a long outage, compressed with fake timers', () => {
  it('retries inside the full-jitter envelope, honours Retry-After, never spins, and drains after healing', async () => {
    type Attempt = { at: number; retryAfterMs?: number };
    const attempts: Attempt[] = [];
    let down = true;
    // Mostly refused connections, every 7th a 503 asking for two minutes.
    const link: FetchLike = async (input, init) => {
      if (!down) return core.fetch(input, init);
      const n = attempts.length;
      if (n % 7 === 6) {
        attempts.push({ at: Date.now(), retryAfterMs: 120_000 });
        return Response.json(
          {
            code: 'UNAVAILABLE',
            message: '中心系统暂时不可用',
            messageEn: 'unavailable',
            retryAfterSeconds: 120,
          },
          { status: 503, headers: { 'Retry-After': '120' } },
        );
      }
      attempts.push({ at: Date.now() });
      throw new TypeError('fetch failed');
    };
    const events: SyncEvent[] = [];
    const engine = new SyncEngine({
      db,
      centralUrl: 'http://central.invalid',
      hallCode: 'H01',
      stationCode: 'S1',
      registrationSecret: DEV_REGISTRATION_SECRET,
      fetch: link,
      random: seededRandom(7),
      backoff: POLICY,
      batchSize: 25,
      idlePollMs: 15_000,
      watchdog: { checkMs: 60_000, stallMs: 10 * 60_000 },
      onEvent: (e) => events.push(e),
    });
    // Registered while the link was up; then the applications pile up during the outage.
    down = false;
    await engine.runOnce();
    down = true;
    seedQueued(db, 60, { hallCode: 'H01' });

    engine.start();
    await vi.advanceTimersByTimeAsync(8 * HOUR);
    expect(engine.status().counts.pending).toBe(60);
    expect(engine.status().online).toBe(false);

    // Every wait sits inside its envelope: [floor, min(cap, base·2^(n−1))], or at least Retry-After.
    const gaps = attempts
      .slice(1)
      .map((a, i) => ({ gap: a.at - attempts[i]!.at, n: i + 1, prev: attempts[i]! }));
    for (const { gap, n, prev } of gaps) {
      const window = backoffWindow(POLICY, n);
      if (prev.retryAfterMs !== undefined) {
        expect(gap).toBeGreaterThanOrEqual(prev.retryAfterMs);
        expect(gap).toBeLessThanOrEqual(Math.max(prev.retryAfterMs, window));
      } else {
        expect(gap).toBeGreaterThanOrEqual(POLICY.floorMs);
        expect(gap).toBeLessThanOrEqual(window);
      }
    }
    // No hot loop: 8 hours at a mean wait of about cap/2 is ~1,000 attempts, not millions;
    // and no stall either: it kept trying through the whole outage.
    expect(attempts.length).toBeGreaterThan(400);
    expect(attempts.length).toBeLessThan(1500);
    expect(attempts.at(-1)!.at - attempts[0]!.at).toBeGreaterThan(8 * HOUR - 3 * 60_000);
    // The waits did grow: the late ones average far above the early ones.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(gaps.slice(-100).map((g) => g.gap))).toBeGreaterThan(20_000);
    expect(mean(gaps.slice(0, 5).map((g) => g.gap))).toBeLessThan(10_000);
    // The 503s show the central system answering while nothing drains: the watchdog said so once.
    expect(events.filter((e) => e.type === 'alert' && e.alert.code === 'stalled')).toHaveLength(1);

    // Heal: the next retry (within one cap, or one Retry-After) drains everything.
    down = false;
    await vi.advanceTimersByTimeAsync(121_000);
    expect(engine.status().counts).toMatchObject({ acknowledged: 60, pending: 0 });
    expect(engine.status().online).toBe(true);
    expect(engine.status().consecutiveFailures).toBe(0);
    expect(engine.status().alerts).toEqual([]);
    await engine.stop();
  });

  it('the watchdog alerts when the queue does not drain although the central system answers', async () => {
    const link: FetchLike = async (input, init) =>
      new URL(input).pathname === '/v1/ops'
        ? Response.json(
            { code: 'INTERNAL', message: '内部错误', messageEn: 'internal' },
            { status: 500 },
          )
        : core.fetch(input, init);
    const events: SyncEvent[] = [];
    const engine = new SyncEngine({
      db,
      centralUrl: 'http://central.invalid',
      hallCode: 'H01',
      stationCode: 'S1',
      registrationSecret: DEV_REGISTRATION_SECRET,
      fetch: link,
      random: seededRandom(3),
      backoff: POLICY,
      watchdog: { checkMs: 30_000, stallMs: 5 * 60_000 },
      onEvent: (e) => events.push(e),
    });
    seedQueued(db, 3, { hallCode: 'H01' });
    engine.start();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(engine.status().alerts).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(engine.status().alerts.map((a) => a.code)).toEqual(['stalled']);
    expect(events.filter((e) => e.type === 'alert')).toHaveLength(1);
    expect(engine.status().online).toBe(true);
    await engine.stop();
  });
});
