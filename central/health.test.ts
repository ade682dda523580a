import { describe, expect, it } from 'vitest';
import { openCentralDb } from './db';
import { healthResponse } from './health';
import { SqliteStore } from './store/sqlite-store';

describe('central health probes', () => {
  it('readiness turns 503 while draining and when the database is gone; liveness stays 200', async () => {
    const db = openCentralDb(':memory:');
    let draining = false;
    const probe = { store: new SqliteStore(db), draining: () => draining };
    expect((await healthResponse('/readyz', probe))?.status).toBe(200);
    draining = true;
    const drainingAnswer = (await healthResponse('/readyz', probe))!;
    expect(drainingAnswer.status).toBe(503);
    expect(await drainingAnswer.json()).toMatchObject({ status: 'draining' });
    draining = false;
    db.close();
    const noDb = (await healthResponse('/readyz', probe))!;
    expect(noDb.status).toBe(503);
    expect(await noDb.json()).toMatchObject({ reason: 'database' });
    expect((await healthResponse('/healthz', probe))?.status).toBe(200);
    expect(await healthResponse('/v1/health', probe)).toBeNull();
  });
});
