import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_REGISTRATION_SECRET, startCentral } from '../../../../central/server';
import type { FetchLike } from '../central-client';
import { SyncEngine } from './engine';
import { openSyncDb, seedQueued } from './testing/seed';

describe('two pushes on their way at once', () => {
  it('overlap, yet every correction reaches central after its submit, numbers without gaps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-pipeline-'));
    const central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: join(dir, 'central.db'),
    });
    const db = openSyncDb(join(dir, 'hall.db'));
    try {
      // Every application has a submit and a correction queued right behind it.
      seedQueued(db, 300, { hallCode: 'H01', replaceEvery: 1 });
      let inFlight = 0;
      let mostInFlight = 0;
      const counting: FetchLike = async (input, init) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      };
      const engine = new SyncEngine({
        db,
        centralUrl: central.url,
        hallCode: 'H01',
        stationCode: 'S1',
        registrationSecret: DEV_REGISTRATION_SECRET,
        batchSize: 20,
        maxBatchSize: 20,
        fetch: counting,
      });
      await engine.runOnce();
      expect(mostInFlight).toBe(2);
      expect(engine.status().counts).toMatchObject({ acknowledged: 600, pending: 0 });
      const stats = central.stats();
      expect(stats.orderViolations).toBe(0);
      expect(stats.duplicateApplications).toBe(0);
      const versions = central.db
        .prepare('SELECT version, count(*) AS n FROM applications GROUP BY version')
        .all();
      expect(versions).toEqual([{ version: 2, n: 300 }]);
      // Central numbers of the day: 1..300, none skipped, none twice.
      const seqs = (
        central.db.prepare('SELECT central_no FROM applications').pluck().all() as string[]
      )
        .map((no) => Number(no.slice(-6)))
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    } finally {
      db.close();
      await central.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
