import { createOutboxStore } from './outbox-store';
import { syncStateContext } from './sync-state';
import { cipherOf } from '../crypto';
import { openFields, sealFields } from '../applications/sealing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralPerTest } from '../../../../tests/support/central-per-test';
import { join } from 'node:path';
import { DEV_REGISTRATION_SECRET } from '../../../../central/server';
import { opFor } from '../../../../central/testing/fixtures';
import { hubCipher } from '../../../../central/queue/draft-sealing';
import { APPLICATION_PAYLOAD_CONTEXT, openPayload } from '../../../../central/sealed-payloads';
import { ApiError } from '../../../../shared/api/errors';
import type { ApplicationSubmitPayload } from '../../../../shared/sync/application-payload';
import type { Database } from '../db';
import { createSyncService, type SyncService } from './index';
import { openSyncDb, seedQueued } from './testing/seed';

const hub = centralPerTest('sync-actions-');
let db: Database;
let sync: SyncService;
const corrections: { id: string; keys: string[] }[] = [];

beforeEach(() => {
  db = openSyncDb(join(hub.dir, 'hall.db'));
  corrections.length = 0;
  sync = createSyncService({
    db,
    centralUrl: hub.central.url,
    hallCode: 'H01',
    stationCode: 'S1',
    registrationSecret: DEV_REGISTRATION_SECRET,
    backoff: { baseMs: 5, capMs: 20, floorMs: 1 },
    // Stands in for the application service: rebuilds the payload from corrected fields.
    applyCorrection: (id, fields) => {
      corrections.push({ id, keys: Object.keys(fields).sort() });
      const op = createOutboxStore(db)
        .byState('dead')
        .concat(createOutboxStore(db).byState('pending'))
        .find((o) => o.application_id === id && o.kind === 'application.submit');
      const payload = JSON.parse(op?.payload ?? '{}') as ApplicationSubmitPayload;
      db.prepare('UPDATE applications SET fields_json = ? WHERE id = ?').run(
        sealFields(cipherOf(db), JSON.stringify(fields)),
        id,
      );
      return { ...payload, fields };
    },
  });
});
afterEach(async () => {
  await sync.stop();
  db.close();
});

const ctx = { transport: 'ipc' as const, actor: 'supervisor01' };
const counts = () => sync.engine.status().counts;
const balanced = () => {
  const c = counts();
  return c.created === c.acknowledged + c.dead + c.conflict + c.pending + c.discarded;
};

describe('dead letters', () => {
  it('lists the reason and field without the value, and a corrected resend goes through in place', async () => {
    seedQueued(db, 3, {
      hallCode: 'H01',
      mutate: (p, i) => (i === 1 ? { ...p, fields: { ...p.fields, mobile: '1'.repeat(600) } } : p),
    });
    await sync.engine.runOnce();
    const [dead] = sync.handlers['sync.deadLetters']({}, ctx);
    expect(dead).toMatchObject({
      reasonCode: 'INVALID_PAYLOAD',
      field: 'fields.mobile',
      kind: 'application.submit',
    });
    expect(JSON.stringify(dead)).not.toContain('1111111111');
    expect(dead!.reason.zh).toBeTruthy();

    const status = sync.handlers['sync.resendDeadLetter'](
      { seq: dead!.seq, fields: { mobile: '13800000000' } },
      ctx,
    );
    expect(status.counts).toMatchObject({ dead: 0, pending: 1 });
    expect(corrections).toEqual([
      { id: dead!.applicationId, keys: ['address', 'applicantName', 'idNumber', 'mobile'] },
    ]);
    await sync.engine.runOnce();
    expect(counts()).toMatchObject({ acknowledged: 3, dead: 0, pending: 0 });
    const row = db.prepare('SELECT op_id, state FROM outbox WHERE seq = ?').get(dead!.seq) as {
      op_id: string;
      state: string;
    };
    expect(row.state).toBe('acked');
    expect(row.op_id).not.toBe(dead!.opId);
    expect(db.prepare('SELECT action, actor, old_op_id FROM sync_resolutions').get()).toEqual({
      action: 'resend',
      actor: 'supervisor01',
      old_op_id: dead!.opId,
    });
    expect(balanced()).toBe(true);
  });

  it('refuses a corrected resend of a hall record (no fields to correct) and keeps it dead', async () => {
    seedQueued(db, 1, {
      hallCode: 'H01',
      mutate: (p) => ({ ...p, fields: { ...p.fields, mobile: '1'.repeat(600) } }),
    });
    await sync.engine.runOnce();
    const [dead] = sync.actions.deadLetters();
    // As if the refused operation were a service request travelling in the same outbox.
    db.prepare(`UPDATE outbox SET kind = 'request.enquiry' WHERE seq = ?`).run(dead!.seq);
    expect(() =>
      sync.handlers['sync.resendDeadLetter']({ seq: dead!.seq, fields: { mobile: '1' } }, ctx),
    ).toThrow(/not an application/);
    expect(corrections).toEqual([]);
    expect(counts()).toMatchObject({ dead: 1, pending: 0 });
  });

  it('discards with a reason, taking the blocked later operations of the application along', async () => {
    const { applicationIds } = seedQueued(db, 2, {
      hallCode: 'H01',
      replaceEvery: 1,
      mutate: (p, i) => (i === 0 ? { ...p, deadlineAt: 'never' } : p),
    });
    await sync.engine.runOnce();
    expect(counts()).toMatchObject({ dead: 1, pending: 1, blocked: 1, acknowledged: 2 });
    const [dead] = sync.actions.deadLetters();
    expect(() =>
      sync.handlers['sync.discardDeadLetter']({ seq: 99999, reason: '重复受理' }, ctx),
    ).toThrow(ApiError);
    sync.handlers['sync.discardDeadLetter']({ seq: dead!.seq, reason: '客户撤回申请' }, ctx);
    expect(counts()).toMatchObject({ dead: 0, pending: 0, discarded: 2 });
    expect(balanced()).toBe(true);
    expect(
      db.prepare('SELECT state FROM applications WHERE id = ?').pluck().get(applicationIds[0]),
    ).toBe('rejected');
    // Already dealt with: a second discard is refused, not repeated.
    expect(() => sync.actions.discardDeadLetter({ seq: dead!.seq, reason: 'again' }, 'x')).toThrow(
      /already/,
    );
  });
});

describe('conflicts', () => {
  async function conflictOnFirst(): Promise<string> {
    const { applicationIds } = seedQueued(db, 2, { hallCode: 'H01' });
    const id = applicationIds[0]!;
    // Register with nothing to send yet, then record the application centrally with other content.
    db.prepare("UPDATE outbox SET state = 'discarded'").run();
    await sync.engine.runOnce();
    db.prepare("UPDATE outbox SET state = 'pending'").run();
    const creds = db
      .prepare("SELECT key, value FROM sync_state WHERE key IN ('device_id','token')")
      .all() as { key: string; value: string }[];
    const get = (k: string) => {
      const value = creds.find((c) => c.key === k)!.value;
      return k === 'token' ? cipherOf(db).open(value, syncStateContext(k)) : value;
    };
    const local = JSON.parse(
      createOutboxStore(db)
        .byState('pending')
        .find((o) => o.application_id === id)?.payload ?? '{}',
    ) as ApplicationSubmitPayload;
    const other = {
      ...local,
      fields: { ...local.fields, mobile: '13911112222' },
      clerk: 'clerk09',
    };
    const res = await fetch(`${hub.central.url}/v1/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${get('token')}` },
      body: JSON.stringify({ ops: [opFor(get('device_id'), other)] }),
    });
    expect(res.status).toBe(200);
    await sync.engine.runOnce();
    expect(counts()).toMatchObject({ conflict: 1, acknowledged: 1 });
    return id;
  }

  it('shows both sides masked, and keep_central adopts the central number and content', async () => {
    const id = await conflictOnFirst();
    const [c] = sync.handlers['sync.conflicts']({}, ctx);
    expect(c).toMatchObject({
      applicationId: id,
      reasonCode: 'APPLICATION_EXISTS',
      centralVersion: 1,
    });
    expect(c!.differences).toEqual([
      { key: 'fields.mobile', local: '138****0000', central: '139****2222' },
      { key: 'clerk', local: 'clerk01', central: 'clerk09' },
    ]);
    sync.handlers['sync.resolveConflict']({ seq: c!.seq, choice: 'keep_central' }, ctx);
    const app = db
      .prepare('SELECT state, central_no, fields_json FROM applications WHERE id = ?')
      .get(id) as { state: string; central_no: string; fields_json: string };
    expect(app.state).toBe('acknowledged');
    expect(app.central_no).toBe(c!.centralNo);
    expect(JSON.parse(openFields(cipherOf(db), app.fields_json)).mobile).toBe('13911112222');
    expect(balanced()).toBe(true);
  });

  it('send_local sends ours as a correction based on the central version', async () => {
    const id = await conflictOnFirst();
    const [c] = sync.actions.conflicts();
    sync.handlers['sync.resolveConflict']({ seq: c!.seq, choice: 'send_local' }, ctx);
    expect(counts()).toMatchObject({ conflict: 0, pending: 1 });
    await sync.engine.runOnce();
    expect(counts()).toMatchObject({ acknowledged: 2, pending: 0 });
    const centralRow = hub.central.db
      .prepare('SELECT version, payload FROM applications WHERE application_id = ?')
      .get(id) as { version: number; payload: string };
    expect(centralRow.version).toBe(2);
    // Central keeps the payload sealed under its hub keys: opened with them.
    const hubKeys = hubCipher(join(hub.dir, 'central.db'), join(hub.dir, 'hub-keys.json'));
    const stored = openPayload(hubKeys, centralRow.payload, APPLICATION_PAYLOAD_CONTEXT);
    expect(hubKeys.isSealed(centralRow.payload)).toBe(true);
    expect(JSON.parse(stored).fields.mobile).toBe('13800000000');
  });
});
