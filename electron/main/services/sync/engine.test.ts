import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralPerTest } from '../../../../tests/support/central-per-test';
import { join } from 'node:path';
import { DEV_REGISTRATION_SECRET } from '../../../../central/server';
import { opFor } from '../../../../central/testing/fixtures';
import type { Database } from '../db';
import { SyncEngine, type SyncEngineOptions, type SyncEvent } from './engine';
import { openSyncDb, seedQueued, testPayload } from './testing/seed';
import type { FetchLike } from '../central-client';

const hub = centralPerTest('sync-engine-');
let db: Database;

beforeEach(() => {
  db = openSyncDb(join(hub.dir, 'hall.db'));
});
afterEach(async () => {
  db.close();
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

const appRow = (id: string) =>
  db
    .prepare('SELECT state, central_no, central_stage, fields_json FROM applications WHERE id = ?')
    .get(id) as {
    state: string;
    central_no: string | null;
    central_stage: string | null;
    fields_json: string;
  };

const invariantHolds = (engine: SyncEngine) => {
  const c = engine.status().counts;
  return c.created === c.acknowledged + c.dead + c.conflict + c.pending + c.discarded;
};

/** Counts requests by path, passing them to the real fetch. */
function countingFetch(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push(new URL(input).pathname);
      return fetch(input, init);
    },
  };
}

describe('sync engine against the reference central system', () => {
  it('drains queued applications, stores central numbers and mirrors stages', async () => {
    const { applicationIds } = seedQueued(db, 45, { hallCode: 'H01' });
    const engine = engineFor();
    expect(engine.status().counts).toMatchObject({ created: 45, pending: 45 });
    await engine.runOnce();
    const status = engine.status();
    expect(status.counts).toMatchObject({ created: 45, acknowledged: 45, pending: 0 });
    expect(invariantHolds(engine)).toBe(true);
    expect(status.online).toBe(true);
    expect(status.lastSuccessAt).not.toBeNull();
    const first = appRow(applicationIds[0]!);
    expect(first.state).toBe('acknowledged');
    expect(first.central_no).toMatch(/^H01-\d{8}-\d{6}$/);
    expect(first.central_stage).toBe('ACCEPT');
    expect(hub.central.stats().applications).toBe(45);

    hub.central.ledger.advance({ applicationId: applicationIds[0]! });
    const before = engine.status().pullCursor;
    await engine.runOnce();
    expect(appRow(applicationIds[0]!).central_stage).not.toBe('ACCEPT');
    expect(engine.status().pullCursor).toBeGreaterThan(before);
  });

  it('dead-letters a rejected operation with a reason free of personal data, while the rest go on', async () => {
    seedQueued(db, 10, {
      hallCode: 'H01',
      mutate: (p, i) => (i === 3 ? { ...p, acceptedAt: `13912345678 not a time` } : p),
    });
    const engine = engineFor({ batchSize: 4 });
    await engine.runOnce();
    const counts = engine.status().counts;
    expect(counts).toMatchObject({ acknowledged: 9, dead: 1, pending: 0 });
    const dead = db
      .prepare("SELECT last_error, application_id FROM outbox WHERE state = 'dead'")
      .get() as {
      last_error: string;
      application_id: string;
    };
    expect(dead.last_error).toBe('INVALID_PAYLOAD acceptedAt');
    expect(dead.last_error).not.toContain('13912345678');
    expect(appRow(dead.application_id).state).toBe('rejected');
  });

  it('on 401 refreshes the token and then succeeds', async () => {
    seedQueued(db, 3, { hallCode: 'H01' });
    const counter = countingFetch();
    const engine = engineFor({ fetch: counter.fetch });
    await engine.runOnce();
    seedQueued(db, 2, { hallCode: 'H01' });
    hub.central.db.prepare('UPDATE tokens SET expires_at = 0').run();
    counter.calls.length = 0;
    await engine.runOnce();
    expect(counter.calls.slice(0, 3)).toEqual(['/v1/ops', '/v1/devices/token', '/v1/ops']);
    expect(engine.status().counts).toMatchObject({ acknowledged: 5, pending: 0 });
    expect(engine.status().halted).toBeNull();
  });

  it('re-enrols as the same device only with a fresh code when the refresh token is no longer known', async () => {
    seedQueued(db, 1, { hallCode: 'H01' });
    const engine = engineFor();
    await engine.runOnce();
    const deviceIdOf = () =>
      db.prepare("SELECT value FROM sync_state WHERE key='device_id'").pluck().get() as string;
    const deviceId = deviceIdOf();
    hub.central.db.prepare("UPDATE devices SET refresh_hash = 'x'").run();
    hub.central.db.prepare('UPDATE tokens SET expires_at = 0').run();
    seedQueued(db, 1, { hallCode: 'H01' });
    // Registering again without a fresh code is refused and leaves the device as it was.
    expect(await engine.runOnce()).toEqual({ next: 'halted' });
    expect(engine.status().halted).toBe('registration_refused');
    expect(hub.central.db.prepare('SELECT refresh_hash FROM devices').pluck().get()).toBe('x');

    const issued = await fetch(`${hub.central.url}/admin/enrolments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hub.central.adminToken}`,
      },
      body: JSON.stringify({ hallCode: 'H01', stationCode: 'S1' }),
    });
    const { code } = (await issued.json()) as { code: string };
    const enrolled = engineFor({ enrolmentCode: code, registrationSecret: undefined });
    enrolled.resume();
    await enrolled.runOnce();
    expect(enrolled.status().counts.acknowledged).toBe(2);
    expect(deviceIdOf()).toBe(deviceId);
  });

  it('on 403 stops with an alert and sends nothing more until resumed', async () => {
    seedQueued(db, 2, { hallCode: 'H01' });
    const events: SyncEvent[] = [];
    const counter = countingFetch();
    const engine = engineFor({ fetch: counter.fetch, onEvent: (e) => events.push(e) });
    await engine.runOnce();
    const deviceId = db
      .prepare("SELECT value FROM sync_state WHERE key='device_id'")
      .pluck()
      .get() as string;
    hub.central.db.prepare('UPDATE devices SET revoked = 1 WHERE device_id = ?').run(deviceId);
    seedQueued(db, 2, { hallCode: 'H01' });
    expect(await engine.runOnce()).toEqual({ next: 'halted' });
    expect(engine.status().halted).toBe('forbidden');
    expect(events.some((e) => e.type === 'alert' && e.alert.code === 'forbidden')).toBe(true);
    counter.calls.length = 0;
    expect(await engine.runOnce()).toEqual({ next: 'halted' });
    expect(counter.calls).toEqual([]);

    // Halted survives a restart of the console.
    const restarted = engineFor().status();
    expect(restarted.halted).toBe('forbidden');
    expect(restarted.alerts.map((a) => a.code)).toEqual(['forbidden']);

    hub.central.db.prepare('UPDATE devices SET revoked = 0 WHERE device_id = ?').run(deviceId);
    engine.resume();
    await engine.runOnce();
    expect(engine.status().counts).toMatchObject({ acknowledged: 4, pending: 0 });
  });

  it('a stored credential that no longer opens is logged by its kind, never thrown from a timer', async () => {
    seedQueued(db, 1, { hallCode: 'H01' });
    const lines: string[] = [];
    const events: SyncEvent[] = [];
    const engine = engineFor({ onEvent: (e) => events.push(e), log: (l) => lines.push(l) });
    await engine.runOnce();
    // The token as another key file would have sealed it (a copied database, the wrong keys).
    const sealed = db.prepare("SELECT value FROM sync_state WHERE key = 'token'").pluck().get();
    expect(String(sealed)).toMatch(/^e1\./);
    db.prepare("UPDATE sync_state SET value = 'e1.k1.AAAA.BBBB' WHERE key = 'token'").run();
    expect(() => engine.status()).toThrow(/sealed value cannot be opened/);
    const before = events.length;
    // resume() emits the status as the scheduler's timer does after every run.
    expect(() => engine.resume()).not.toThrow();
    expect(events.length).toBe(before);
    expect(lines).toContain('sync: status unreadable: SealedValueError');
    await engine.stop();
  });

  it('halts when the registration secret is refused', async () => {
    seedQueued(db, 1, { hallCode: 'H01' });
    const engine = engineFor({ registrationSecret: 'wrong-secret-value' });
    expect(await engine.runOnce()).toEqual({ next: 'halted' });
    expect(engine.status().alerts.map((a) => a.code)).toEqual(['registration_refused']);
  });

  it('puts an operation that conflicts with the central record into the conflict queue', async () => {
    const { applicationIds } = seedQueued(db, 3, { hallCode: 'H01' });
    const engine = engineFor();
    // Register, then let someone else record the same application centrally with other content.
    await engine.runOnce();
    const id = applicationIds[0]!;
    const deviceId = db
      .prepare("SELECT value FROM sync_state WHERE key='device_id'")
      .pluck()
      .get() as string;
    const other = { ...testPayload(id, 'H01', 'S1', 0), clerk: 'someone-else' };
    const p = { ...other, applicationId: id };
    db.prepare("UPDATE outbox SET state = 'pending', attempts = 0 WHERE application_id = ?").run(
      id,
    );
    hub.central.db.prepare('DELETE FROM ops WHERE application_id = ?').run(id);
    hub.central.db
      .prepare('UPDATE applications SET payload_hash = ? WHERE application_id = ?')
      .run(opFor(deviceId, p).payloadHash, id);
    await engine.runOnce();
    const c = engine.status().counts;
    expect(c.conflict).toBe(1);
    expect(appRow(id).state).toBe('conflict');
    expect(invariantHolds(engine)).toBe(true);
  });

  it('keeps order per application: a replace waits for its submit, and for a dead submit forever', async () => {
    seedQueued(db, 6, {
      hallCode: 'H01',
      replaceEvery: 1,
      mutate: (p, i) => (i === 2 ? { ...p, deadlineAt: 'bad' } : p),
    });
    const engine = engineFor({ batchSize: 50 });
    await engine.runOnce();
    const c = engine.status().counts;
    expect(c).toMatchObject({ created: 12, acknowledged: 10, dead: 1, pending: 1, blocked: 1 });
    expect(hub.central.stats().orderViolations).toBe(0);
    expect(hub.central.stats().rejected).toBe(1); // the blocked replace was never sent
    const versions = hub.central.db
      .prepare('SELECT version, count(*) AS n FROM applications GROUP BY version')
      .all();
    expect(versions).toEqual([{ version: 2, n: 5 }]);
  });

  it('finds the bad operation one at a time when a whole batch gets a 400', async () => {
    seedQueued(db, 6, { hallCode: 'H01' });
    const bad = db
      .prepare('SELECT op_id FROM outbox ORDER BY seq LIMIT 1 OFFSET 4')
      .pluck()
      .get() as string;
    const fetch400: FetchLike = async (input, init) => {
      if (typeof init.body === 'string' && init.body.includes(bad)) {
        return Response.json(
          { code: 'BAD_REQUEST', message: '请求格式不正确', messageEn: 'bad', field: 'ops.0' },
          { status: 400 },
        );
      }
      return fetch(input, init);
    };
    const engine = engineFor({ fetch: fetch400, batchSize: 10 });
    await engine.runOnce();
    expect(engine.status().counts).toMatchObject({ acknowledged: 5, dead: 1, pending: 0 });
    expect(db.prepare('SELECT last_error FROM outbox WHERE op_id = ?').pluck().get(bad)).toBe(
      'HTTP 400 BAD_REQUEST ops.0',
    );
  });
});

describe('pulling central changes', () => {
  it('applies a page and its cursor together: a crash before commit leaves neither', async () => {
    const { applicationIds } = seedQueued(db, 5, { hallCode: 'H01' });
    const engine = engineFor();
    await engine.runOnce();
    const cursor = engine.status().pullCursor;
    for (const id of applicationIds) hub.central.ledger.advance({ applicationId: id });
    const crashing = engineFor({
      hooks: {
        beforePullCommit: () => {
          throw new Error('simulated crash');
        },
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow('simulated crash');
    expect(crashing.status().pullCursor).toBe(cursor);
    expect(applicationIds.map((id) => appRow(id).central_stage)).toEqual(
      applicationIds.map(() => 'ACCEPT'),
    );
    await engine.runOnce();
    expect(engine.status().pullCursor).toBeGreaterThan(cursor);
    // Households go ACCEPT → METER_ENERGIZE; high voltage ACCEPT → SURVEY_DISPATCH.
    expect(new Set(applicationIds.map((id) => appRow(id).central_stage))).toEqual(
      new Set(['METER_ENERGIZE', 'SURVEY_DISPATCH']),
    );
  });

  it('never takes an older change and never touches the state of an application with pending work', async () => {
    const { applicationIds } = seedQueued(db, 1, { hallCode: 'H01', replaceEvery: 1 });
    const id = applicationIds[0]!;
    const engine = engineFor({ batchSize: 1 });
    // Only the submit goes (the replace waits), then the answer is recorded and a pull runs.
    await engine.runOnce();
    expect(engine.status().counts.acknowledged).toBe(2);
    // Make the replace pending again, as if its answer were lost, then move the stage centrally.
    db.prepare("UPDATE outbox SET state = 'pending' WHERE kind = 'application.replace'").run();
    db.prepare("UPDATE applications SET state = 'sent' WHERE id = ?").run(id);
    expect((await hub.central.ledger.advance({ applicationId: id, stage: 'ARCHIVE' })).ok).toBe(
      true,
    );
    const fields = appRow(id).fields_json;
    const puller = engineFor({
      fetch: async (input, init) => {
        // Let only the pull through: the push is "down".
        if (new URL(input).pathname === '/v1/ops') throw new TypeError('fetch failed');
        return fetch(input, init);
      },
    });
    await puller.runOnce(); // push fails first: the cycle ends before pulling
    db.prepare("UPDATE outbox SET state = 'acked' WHERE kind = 'application.replace'").run(); // push nothing
    await puller.runOnce();
    db.prepare("UPDATE outbox SET state = 'pending' WHERE kind = 'application.replace'").run();
    const row = appRow(id);
    expect(row.central_stage).toBe('ARCHIVE');
    expect(row.state).toBe('sent');
    expect(row.fields_json).toBe(fields);
    // An old change replayed (a server bug or a proxy cache) does not move the mirror back.
    const mirrorSeq = db
      .prepare('SELECT seq FROM sync_mirror WHERE application_id = ?')
      .pluck()
      .get(id) as number;
    const { createPuller } = await import('./pull');
    const { createSyncState } = await import('./sync-state');
    const state = createSyncState(db);
    state.write('pull_cursor', '0');
    createPuller(db, state).applyPage({
      changes: [
        {
          seq: 1,
          applicationId: id,
          centralNo: row.central_no!,
          stage: 'ACCEPT',
          stageAt: new Date().toISOString(),
          stageIndex: 0,
          stageCount: 3,
          version: 1,
          payloadHash: 'a'.repeat(64),
          final: false,
        },
      ],
      nextCursor: 1,
      more: false,
    });
    expect(appRow(id).central_stage).toBe('ARCHIVE');
    expect(db.prepare('SELECT seq FROM sync_mirror WHERE application_id = ?').pluck().get(id)).toBe(
      mirrorSeq,
    );
  });
});
