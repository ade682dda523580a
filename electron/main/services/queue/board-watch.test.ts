import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCentralCore, type CentralCore } from '../../../../central/server';
import type { QueueChangeKind } from '../../../../shared/api/events';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { Board } from '../../../../shared/queue/schemas';
import { DEV_REGISTRATION_SECRET } from '../../../../shared/sync/dev-secret';
import { createApplicationService } from '../applications/service';
import type { FetchLike } from '../central-client';
import { openDatabase, type Database } from '../db';
import { createQueueService, type QueueService } from './service';
import { testLog } from '../../../../tests/support/test-log';

/**
 * How a station hears of board changes made at other stations: the hub's `watch` long poll,
 * against the reference central system in process (its real Hono app and SQLite file).
 */
const HALL = 'HALL-W';
let dir: string;
let core: CentralCore;
let linkUp: boolean;
const dbs: Database[] = [];
const services: QueueService[] = [];

const link: FetchLike = async (input, init) => {
  if (!linkUp) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
  return core.fetch(input, init);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hall-board-watch-'));
  linkUp = true;
  core = createCentralCore({ allowDevelopmentSecret: true, dbFile: join(dir, 'central.db') });
});
afterEach(async () => {
  for (const q of services.splice(0)) {
    q.boardWatch?.stop();
    await q.stop();
  }
  for (const db of dbs.splice(0)) if (db.open) db.close();
  core.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function station(
  code: string,
  onBoardChange?: (kind: QueueChangeKind, version: number | null, board: Board | null) => void,
): QueueService {
  const db = openDatabase(join(dir, `${code}.db`), { log: testLog });
  dbs.push(db);
  const applications = createApplicationService({
    db,
    catalogues: singleCatalogue(CATALOGUE),
    now: () => new Date(),
    hallName: 'test',
    hallCode: HALL,
    stationCode: code,
  });
  const q = createQueueService({
    db,
    centralUrl: 'http://central.test',
    hallCode: HALL,
    stationCode: code,
    registrationSecret: DEV_REGISTRATION_SECRET,
    kind: 'staff',
    catalogues: singleCatalogue(CATALOGUE),
    saveDraft: applications.saveDraft,
    fetch: link,
    log: testLog,
    ...(onBoardChange ? { onBoardChange } : {}),
  });
  services.push(q);
  return q;
}

/** Resolves with the kinds heard once `n` have arrived (fails the test after `ms`). */
function hear(kinds: QueueChangeKind[], n: number, ms = 3000): Promise<QueueChangeKind[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (kinds.length >= n) return resolve([...kinds]);
      if (Date.now() - started > ms) return reject(new Error(`heard only ${kinds.join(',')}`));
      setTimeout(check, 5);
    };
    check();
  });
}

describe("the station's board watch", () => {
  it('hears a ticket issued and called at other stations, in order, and nothing before', async () => {
    const kinds: QueueChangeKind[] = [];
    let lastBoard: Board | null = null;
    const display = station('D01', (kind, _version, board) => {
      kinds.push(kind);
      lastBoard = board;
    });
    const guide = station('G01');
    const counter = station('C01');
    display.boardWatch?.start();
    // The first answer only learns the counter; nothing has changed yet.
    await new Promise((r) => setTimeout(r, 200));
    expect(kinds).toEqual([]);
    await guide.issue({ serviceCode: 'NEW', priority: 'normal' });
    expect(await hear(kinds, 1)).toEqual(['issue']);
    await counter.callNext(['NEW']);
    expect(await hear(kinds, 2)).toEqual(['issue', 'callNext']);
    // The change brings the board with it: the screens need not ask.
    const board = lastBoard as Board | null;
    expect(board?.calls[0]?.ticketNumber).toBe('A001');
    expect(board?.calls[0]?.counter).toBe('C01');
    // A read changes nothing.
    await counter.board(8);
    await new Promise((r) => setTimeout(r, 100));
    expect(kinds).toHaveLength(2);
  });

  it('says resync when the hub cannot be reached, once, and again when it answers', async () => {
    const kinds: QueueChangeKind[] = [];
    linkUp = false;
    const display = station('D01', (kind) => kinds.push(kind));
    display.boardWatch?.start();
    expect(await hear(kinds, 1)).toEqual(['resync']);
    // Retries while it is down say nothing more.
    await new Promise((r) => setTimeout(r, 1200));
    expect(kinds).toEqual(['resync']);
    linkUp = true;
    expect(await hear(kinds, 2)).toEqual(['resync', 'resync']);
  });
});
