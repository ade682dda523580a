import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_REGISTRATION_SECRET, startCentral } from '../../../../central/server';
import { MAX_OPS_PER_BATCH } from '../../../../shared/sync/protocol';
import type { FetchLike } from '../central-client';
import { createBatchSize } from './batch-size';
import { SyncEngine } from './engine';
import { openSyncDb, seedQueued } from './testing/seed';

describe('adaptive batch size', () => {
  it('doubles while full batches come back quickly, up to the maximum', () => {
    const size = createBatchSize({ initial: 50, targetMs: 100 });
    const seen = [size.current()];
    for (let i = 0; i < 6; i++) {
      size.answered(size.current(), 10);
      seen.push(size.current());
    }
    expect(seen).toEqual([50, 100, 200, 400, MAX_OPS_PER_BATCH, MAX_OPS_PER_BATCH, 500]);
  });

  it('does not grow on a short (last) batch and halves on slow answers and failures', () => {
    const size = createBatchSize({ initial: 100, targetMs: 100 });
    size.answered(30, 10);
    expect(size.current()).toBe(100);
    size.answered(100, 250);
    expect(size.current()).toBe(50);
    size.failed();
    expect(size.current()).toBe(25);
  });

  it('never goes back above half a size refused with 413', () => {
    const size = createBatchSize({ initial: 400, targetMs: 100 });
    size.tooLarge(400);
    expect(size.current()).toBe(200);
    for (let i = 0; i < 5; i++) size.answered(size.current(), 1);
    expect(size.current()).toBe(200);
  });

  it('keeps one request per operation when asked to', () => {
    const size = createBatchSize({ initial: 1 });
    size.answered(1, 0);
    size.failed();
    expect(size.current()).toBe(1);
  });
});

describe('the engine with an adaptive batch', () => {
  it('grows its requests, and shrinks below a size central refuses with 413', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-batch-'));
    const central = await startCentral({
      allowDevelopmentSecret: true,
      dbFile: join(dir, 'central.db'),
    });
    const db = openSyncDb(join(dir, 'hall.db'));
    try {
      seedQueued(db, 1000, { hallCode: 'H01' });
      const sizes: number[] = [];
      // A proxy in front of central that refuses more than 300 operations in one body.
      const limited: FetchLike = async (input, init) => {
        if (input.endsWith('/v1/ops') && typeof init.body === 'string') {
          const n = (JSON.parse(init.body) as { ops: unknown[] }).ops.length;
          sizes.push(n);
          if (n > 300) {
            const body = { code: 'TOO_LARGE', message: '请求过大', messageEn: 'Too large' };
            return Response.json(body, { status: 413 });
          }
        }
        return fetch(input, init);
      };
      const engine = new SyncEngine({
        db,
        centralUrl: central.url,
        hallCode: 'H01',
        stationCode: 'S1',
        registrationSecret: DEV_REGISTRATION_SECRET,
        batchSize: 50,
        batchTargetMs: 60_000, // growth must not depend on how busy the test machine is
        fetch: limited,
      });
      await engine.runOnce();
      expect(engine.status().counts).toMatchObject({ acknowledged: 1000, pending: 0 });
      // Grows from 50 (two requests overlap, so each size is chosen before the answer to
      // the one before it) until central refuses one; never above half of that size again.
      const refused = sizes.findIndex((n) => n > 300);
      expect(sizes[0]).toBe(50);
      expect(refused).toBeGreaterThan(0);
      const growing = sizes.slice(0, refused + 1);
      expect(growing).toEqual([...growing].sort((a, b) => a - b));
      expect(Math.max(...sizes.slice(refused + 1))).toBeLessThanOrEqual(
        Math.floor((sizes[refused] ?? 0) / 2),
      );
      expect(central.stats().duplicateApplications).toBe(0);
    } finally {
      db.close();
      await central.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
