import { describe, expect, it } from 'vitest';
import { openCentralDb } from './db';
import { healthResponse } from './health';

describe('central health probes', () => {
  it('readiness turns 503 while draining and when the database is gone; liveness stays 200', async () => {
    const db = openCentralDb(':memory:');
    let draining = false;
    const probe = { db, draining: () => draining };
    expect(healthResponse('/readyz', probe)?.status).toBe(200);
    draining = true;
    const drainingAnswer = healthResponse('/readyz', probe)!;
    expect(drainingAnswer.status).toBe(503);
    expect(await drainingAnswer.json()).toMatchObject({ status: 'draining' });
    draining = false;
    db.close();
    const noDb = healthResponse('/readyz', probe)!;
    expect(noDb.status).toBe(503);
    expect(await noDb.json()).toMatchObject({ reason: 'database' });
    expect(healthResponse('/healthz', probe)?.status).toBe(200);
    expect(healthResponse('/v1/health', probe)).toBeNull();
  });
});
