import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCentralCore, type CentralCore } from '../../../../central/server';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../shared/catalogue';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { createApplicationService } from '../applications/service';
import type { Database } from '../db';
import { createQueueService } from '../queue';
import { SyncEngine } from '../sync/engine';
import { openSyncDb, seedQueued } from '../sync/testing/seed';
import { createCentralConnection, type FetchLike } from '.';

/**
 * Sync and the queue of one station on one connection, against the reference central system
 * in process: the station registers once and a refused token is refreshed once, whoever of
 * the two meets it first.
 */

const HALL = 'HALL-S';
let dir: string;
let core: CentralCore;
let db: Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'central-shared-'));
  core = createCentralCore({
    allowDevelopmentSecret: true,
    dbFile: join(dir, 'central.db'),
  });
  db = openSyncDb(join(dir, 'station.db'));
});
afterEach(() => {
  db.close();
  core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Counts requests by path; answers 401 to one token, as a central system that revoked it. */
function countingLink() {
  const calls: string[] = [];
  let revoked: string | undefined;
  const fetch: FetchLike = async (input, init) => {
    calls.push(new URL(input).pathname);
    const auth = new Headers(init.headers).get('authorization');
    if (revoked && auth === `Bearer ${revoked}`) {
      const body = { code: 'TOKEN_EXPIRED', message: '令牌已过期', messageEn: 'Token expired' };
      return Response.json(body, { status: 401 });
    }
    return core.fetch(input, init);
  };
  const count = (path: string) => calls.filter((p) => p === path).length;
  return { fetch, count, revoke: (token: string) => void (revoked = token) };
}

function station(fetch: FetchLike) {
  const central = createCentralConnection({
    db,
    baseUrl: 'http://central.test',
    hallCode: HALL,
    stationCode: 'C01',
    registrationSecret: DEV_REGISTRATION_SECRET,
    fetch,
  });
  const common = {
    db,
    hallCode: HALL,
    stationCode: 'C01',
    registrationSecret: DEV_REGISTRATION_SECRET,
    central,
  };
  const engine = new SyncEngine({ ...common, centralUrl: 'http://unused.test', batchSize: 5 });
  const applications = createApplicationService({
    db,
    catalogues: singleCatalogue(CATALOGUE),
    now: () => new Date(),
    hallName: 'test',
    hallCode: HALL,
    stationCode: 'C01',
  });
  const queue = createQueueService({
    ...common,
    kind: 'staff',
    catalogues: singleCatalogue(CATALOGUE),
    saveDraft: applications.saveDraft,
  });
  return { central, engine, queue };
}

describe('one device session for sync and queue', () => {
  it('registers the station once when sync and the queue start together', async () => {
    const link = countingLink();
    const { central, engine, queue } = station(link.fetch);
    seedQueued(db, 7, { hallCode: HALL, stationCode: 'C01' });
    const [outcome, ticket] = await Promise.all([
      engine.runOnce(),
      queue.issue({ serviceCode: 'NEW', priority: 'normal' }),
    ]);
    expect(outcome).toEqual({ next: 'idle' });
    expect(ticket.offline).toBeFalsy();
    console.log(
      `register calls for sync + queue starting together: ${link.count('/v1/devices/register')}`,
    );
    expect(link.count('/v1/devices/register')).toBe(1);
    expect(engine.status()).toMatchObject({ registered: true, counts: { acknowledged: 7 } });
    const devices = core.db.prepare('SELECT count(*) FROM devices').pluck().get();
    expect(devices).toBe(1);
    expect(central.session.registered()).toBe(true);
  });

  it('refreshes a revoked token once for both, and the other side uses the new one', async () => {
    const link = countingLink();
    const { central, engine, queue } = station(link.fetch);
    await central.session.token();
    link.revoke(await central.session.token());
    seedQueued(db, 3, { hallCode: HALL, stationCode: 'C01' });
    const [outcome, cfg, ticket] = await Promise.all([
      engine.runOnce(),
      queue.config(),
      queue.issue({ serviceCode: 'NEW', priority: 'normal' }),
    ]);
    expect(outcome).toEqual({ next: 'idle' });
    expect(cfg.fresh).toBe(true);
    expect(ticket.offline).toBeFalsy();
    console.log(
      `refresh calls for sync + queue meeting one revoked token: ${link.count('/v1/devices/token')}`,
    );
    expect(link.count('/v1/devices/token')).toBe(1);
    expect(link.count('/v1/devices/register')).toBe(1);
  });
});
