import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { centralPerTest } from '../../../../tests/support/central-per-test';
import { DEV_REGISTRATION_SECRET } from '../../../../central/server';
import type { Database } from '../db';
import { SyncEngine, type SyncEngineOptions } from './engine';
import { createOutbox } from './outbox';
import { openSyncDb, seedQueued } from './testing/seed';

/**
 * The application row is written once per drained application (queued → acknowledged); `sent`
 * (tried, no answer yet) is written when a request fails, and after a crash between an attempt
 * and its answer, before anything goes out again.
 */

const hub = centralPerTest('sync-attempt-state-');
let file: string;
let db: Database;
beforeEach(() => {
  file = join(hub.dir, 'hall.db');
  db = openSyncDb(file);
});
afterEach(() => {
  if (db.open) db.close();
});

const engineFor = (extra: Partial<SyncEngineOptions> = {}) =>
  new SyncEngine({
    db,
    centralUrl: hub.central.url,
    hallCode: 'H01',
    stationCode: 'S1',
    registrationSecret: DEV_REGISTRATION_SECRET,
    batchSize: 20,
    requestTimeoutMs: 2000,
    backoff: { baseMs: 10, capMs: 50, floorMs: 1 },
    ...extra,
  });

const states = (ids: readonly string[]): string[] => {
  const get = db.prepare<[string], string>('SELECT state FROM applications WHERE id = ?').pluck();
  return ids.map((id) => get.get(id) ?? 'missing');
};
const linkDown = () => Promise.reject(new TypeError('fetch failed'));

describe('the application state while draining', () => {
  it('moves each drained application once, queued → acknowledged', async () => {
    const { applicationIds } = seedQueued(db, 45, { hallCode: 'H01' });
    await engineFor().runOnce(); // registers; its own requests write no application
    db.exec(`
      CREATE TEMP TABLE state_writes (id TEXT, old TEXT, new TEXT);
      CREATE TEMP TRIGGER count_state_writes AFTER UPDATE ON main.applications
      BEGIN INSERT INTO state_writes VALUES (old.id, old.state, new.state); END;`);
    // Seeded after the first run: these go out in three batches of the second.
    const more = seedQueued(db, 45, { hallCode: 'H01' }).applicationIds;
    await engineFor().runOnce();
    expect(states(applicationIds).every((s) => s === 'acknowledged')).toBe(true);
    expect(states(more).every((s) => s === 'acknowledged')).toBe(true);
    const writes = db.prepare('SELECT id, old, new FROM state_writes').all() as {
      id: string;
      old: string;
      new: string;
    }[];
    expect(writes).toHaveLength(more.length);
    expect(new Set(writes.map((w) => w.id))).toEqual(new Set(more));
    expect(writes.every((w) => w.old === 'queued' && w.new === 'acknowledged')).toBe(true);
  });

  it('shows a failed attempt as sent, and the next answer acknowledges it', async () => {
    const { applicationIds } = seedQueued(db, 5, { hallCode: 'H01' });
    await engineFor().runOnce();
    const later = seedQueued(db, 5, { hallCode: 'H01' }).applicationIds;
    const down = engineFor({
      fetch: (input, init) =>
        new URL(input).pathname === '/v1/ops' ? linkDown() : fetch(input, init),
    });
    expect((await down.runOnce()).next).toBe('retry');
    expect(states(later)).toEqual(Array(5).fill('sent'));
    await engineFor().runOnce();
    expect(states([...applicationIds, ...later])).toEqual(Array(10).fill('acknowledged'));
  });

  it('after a crash between the attempt and its answer, shows sent before sending again', async () => {
    await engineFor().runOnce(); // registered
    const { applicationIds } = seedQueued(db, 6, { hallCode: 'H01' });
    // What the pusher commits before its request goes out; then the process dies.
    const outbox = createOutbox(db);
    outbox.markAttempt(outbox.nextBatch(10));
    expect(states(applicationIds)).toEqual(Array(6).fill('queued'));
    db.close();

    db = openSyncDb(file);
    const seenAtFirstRequest: string[][] = [];
    const engine = engineFor({
      fetch: (input, init) => {
        if (new URL(input).pathname === '/v1/ops') seenAtFirstRequest.push(states(applicationIds));
        return fetch(input, init);
      },
    });
    expect(states(applicationIds)).toEqual(Array(6).fill('queued')); // nothing at construction
    await engine.runOnce();
    expect(seenAtFirstRequest[0]).toEqual(Array(6).fill('sent'));
    expect(states(applicationIds)).toEqual(Array(6).fill('acknowledged'));
    expect(hub.central.stats().applications).toBe(6);
  });
});
