import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCentralCore, type CentralCore } from '../../../../../central/server';
import { ApiError } from '../../../../../shared/api/errors';
import { singleCatalogue, type CatalogueShelf } from '../../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../../shared/catalogue';
import { DEV_REGISTRATION_SECRET } from '../../../../../shared/sync/dev-secret';
import { testLog } from '../../../../../tests/support/test-log';
import { createApplicationService } from '../../applications/service';
import type { FetchLike } from '../../central-client';
import { openDatabase, type Database } from '../../db';
import { createQueueService } from '../service';

/** 09:00 in the hall on Monday 2 March 2026, where every queue test's clock starts. */
export const HALL_MORNING = Date.parse('2026-03-02T01:00:00Z');

/**
 * Station queue services of one hall against the reference central system in process (its
 * real Hono app and a SQLite file), fresh for each test: a shared clock the test moves, a link
 * that can be cut to play an outage, and what the stations logged.
 */
export function queueStationsPerTest(
  hallCode: string,
  prefix: string,
  /** Default the newest version whatever the date (tests build inputs from CATALOGUE). */
  catalogues: CatalogueShelf = singleCatalogue(CATALOGUE),
) {
  let dir = '';
  let core: CentralCore | undefined;
  const dbs: Database[] = [];
  const hall = {
    /** The time every station and the central system see (epoch ms). */
    clock: HALL_MORNING,
    linkUp: true,
    /** The lines the stations logged in this test. */
    logs: [] as string[],
    get core(): CentralCore {
      if (!core) throw new Error('no central system outside a test');
      return core;
    },
    /** A station of this hall with its own database, its queue service and its applications. */
    station(code: string, kind: 'staff' | 'kiosk' = 'staff') {
      const db = openDatabase(join(dir, `${code}.db`), {
        now: () => new Date(hall.clock),
        log: testLog,
      });
      dbs.push(db);
      const applications = createApplicationService({
        db,
        catalogues,
        now: () => new Date(hall.clock),
        hallName: 'test',
        hallCode,
        stationCode: code,
      });
      const q = createQueueService({
        db,
        centralUrl: 'http://central.test',
        hallCode,
        stationCode: code,
        registrationSecret: DEV_REGISTRATION_SECRET,
        kind,
        catalogues,
        saveDraft: applications.saveDraft,
        now: () => hall.clock,
        fetch: link,
        log: (line) => {
          hall.logs.push(line);
          testLog(line);
        },
      });
      return { q, db, applications };
    },
  };

  const link: FetchLike = async (input, init) => {
    if (!hall.linkUp) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return hall.core.fetch(input, init);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    hall.clock = HALL_MORNING;
    hall.linkUp = true;
    hall.logs.length = 0;
    core = createCentralCore({
      allowDevelopmentSecret: true,
      dbFile: join(dir, 'central.db'),
      now: () => hall.clock,
    });
  });
  afterEach(() => {
    for (const db of dbs.splice(0)) if (db.open) db.close();
    core?.db.close();
    core = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return hall;
}

/** The ApiError a call is refused with; fails when the call succeeds or fails otherwise. */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
