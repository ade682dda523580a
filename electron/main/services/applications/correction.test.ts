import { OUTBOX_PAYLOAD_CONTEXT, sealOutboxPayload } from '../sync/outbox-store';
import { cipherOf } from '../crypto';
import { createApplicationRepository } from './repository';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centralPerTest } from '../../../../tests/support/central-per-test';
import type { ApiErrorBody } from '../../../../shared/api/errors';
import type { ApplicationDetail, ListResult } from '../../../../shared/api/schemas';
import { singleCatalogue } from '../../../../shared/catalogue/versions';
import { CATALOGUE } from '../../../../shared/catalogue';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type { DeadLetter, SyncStatusView } from '../../../../shared/sync/sync-api';
import { createServices, type Services } from '../createServices';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import { createApplicationService } from './service';
import { testLog } from '../../../../tests/support/test-log';
import { hubCipher } from '../../../../central/queue/draft-sealing';
import { APPLICATION_PAYLOAD_CONTEXT, openPayload } from '../../../../central/sealed-payloads';

const hub = centralPerTest('hall-correction-');
let services: Services;
const clerk = { transport: 'http' as const, actor: 'clerk07' };
const supervisor = { transport: 'http' as const, actor: 'supervisor01' };
const household = householdNewType(CATALOGUE);
const r = rng(23);
// Monday 2 March 2026, 10:00 hall time: a working day, inside working hours.
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');

beforeEach(() => {
  services = createServices({
    // A trusted in-process caller: no sign-in, no role gate.
    auth: { enforce: false },
    dbFile: join(hub.dir, 'hall.db'),
    transport: 'http',
    now: () => MONDAY_10,
    centralUrl: hub.central.url,
    // Demo mode's trust: the development secret against a demo-mode central system.
    demo: true,
    // The test drives the engine cycle by cycle.
    startSync: false,
    validateOutput: true,
    log: testLog,
  });
});
afterEach(async () => {
  await services.close();
});

async function call<T>(method: string, input: unknown, ctx = clerk): Promise<T> {
  const res = await services.dispatch(method, input, ctx);
  if (!res.ok) throw new Error(`${method} failed: ${JSON.stringify(res.error)}`);
  return res.value as T;
}
async function fails(method: string, input: unknown, ctx = supervisor): Promise<ApiErrorBody> {
  const res = await services.dispatch(method, input, ctx);
  if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
  return res.error;
}

/**
 * What an older console (a looser check) would have queued: a mobile the central system's
 * schema refuses (longer than any field may be). Rewrites the outbox row, hash included.
 */
function corruptQueuedMobile(applicationId: string): string {
  const db = services.db;
  const sealed = db
    .prepare('SELECT seq, payload FROM outbox WHERE application_id = ?')
    .get(applicationId) as { seq: number; payload: string };
  const row = { ...sealed, payload: cipherOf(db).open(sealed.payload, OUTBOX_PAYLOAD_CONTEXT) };
  const payload = JSON.parse(row.payload) as { fields: Record<string, unknown> };
  const bad = '1'.repeat(600);
  payload.fields.mobile = bad;
  const text = canonicalJson(payload);
  db.prepare('UPDATE outbox SET payload = ?, payload_hash = ? WHERE seq = ?').run(
    sealOutboxPayload(cipherOf(db), text),
    createHash('sha256').update(text).digest('hex'),
    row.seq,
  );
  return bad;
}

const centralPayload = (applicationId: string) => {
  const row = hub.central.db
    .prepare('SELECT payload, central_no FROM applications WHERE application_id = ?')
    .get(applicationId) as { payload: string; central_no: string } | undefined;
  // Central keeps the payload sealed under its hub keys.
  const hubKeys = hubCipher(join(hub.dir, 'central.db'), join(hub.dir, 'hub-keys.json'));
  const opened = row && openPayload(hubKeys, row.payload, APPLICATION_PAYLOAD_CONTEXT);
  return row && { ...row, payload: JSON.parse(opened ?? '') as { fields: { mobile: string } } };
};

describe('a dead letter corrected by a supervisor', () => {
  it('is checked like a submit, rewrites the record with masked history, and reaches the central system', async () => {
    const submitted = await call<ApplicationDetail>(
      'applications.submit',
      fakeApplicationInput(household, r, MONDAY_10),
    );
    const bad = corruptQueuedMobile(submitted.id);
    await services.sync.engine.runOnce();

    const [dead] = await call<DeadLetter[]>('sync.deadLetters', {}, supervisor);
    expect(dead).toMatchObject({ applicationId: submitted.id, field: 'fields.mobile' });
    expect(centralPayload(submitted.id)).toBeUndefined();
    expect((await call<ApplicationDetail>('applications.get', { id: submitted.id })).state).toBe(
      'rejected',
    );

    // A wrong correction is refused by the console's own checks, naming the field, not the value.
    const refused = await fails('sync.resendDeadLetter', {
      seq: dead!.seq,
      fields: { mobile: '12345' },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'fields.mobile' });
    expect(JSON.stringify(refused)).not.toContain('12345');
    expect((await call<DeadLetter[]>('sync.deadLetters', {}, supervisor))[0]?.seq).toBe(dead!.seq);

    const fixed = '13912345678';
    await call<SyncStatusView>(
      'sync.resendDeadLetter',
      { seq: dead!.seq, fields: { mobile: fixed } },
      supervisor,
    );
    await services.sync.engine.runOnce();

    const atCentral = centralPayload(submitted.id);
    expect(atCentral?.payload.fields.mobile).toBe(fixed);
    const after = await call<ApplicationDetail>('applications.get', { id: submitted.id });
    expect(after).toMatchObject({
      state: 'acknowledged',
      centralNo: atCentral?.central_no,
      version: submitted.version + 1,
      acceptedAt: submitted.acceptedAt,
    });
    const correction = after.history.find((h) => h.action === 'sync.correct');
    expect(correction?.actor).toBe('supervisor01');
    expect(Object.keys(correction?.changes ?? {})).toEqual(['mobile']);
    const historyText = JSON.stringify(after.history);
    expect(historyText).not.toContain(fixed);
    expect(historyText).not.toContain(bad);
    // The search columns follow the corrected value.
    const found = await call<ListResult>('applications.list', { q: fixed });
    expect(found.rows.map((row) => row.id)).toEqual([submitted.id]);

    const { counts } = await call<SyncStatusView>('sync.status', {});
    // The application's operation, corrected in place, and the customer record's own (the
    // customer the submit created travels to central too).
    expect(counts).toMatchObject({ created: 2, acknowledged: 2, dead: 0, pending: 0 });
  });
});

describe('applyCorrection', () => {
  const service = () =>
    createApplicationService({
      db: services.db,
      catalogues: singleCatalogue(CATALOGUE),
      now: () => MONDAY_10,
      hallName: 'test',
      hallCode: 'HALL01',
      stationCode: 'C01',
    });

  it('adopts the central record as it is (no local checks), recorded as such', async () => {
    const submitted = await call<ApplicationDetail>(
      'applications.submit',
      fakeApplicationInput(household, r, MONDAY_10),
    );
    const stored = createApplicationRepository(services.db).findById(submitted.id)?.fields_json;
    const fields = { ...(JSON.parse(stored ?? '{}') as Record<string, unknown>), mobile: '12345' };
    const payload = service().applyCorrection(
      submitted.id,
      fields as Record<string, string>,
      'clerk07',
      'central',
    );
    expect(payload.fields.mobile).toBe('12345');
    expect(payload.appNo).toBe(submitted.appNo);
    expect(payload.clerk).toBe('clerk07');
    const after = await call<ApplicationDetail>('applications.get', { id: submitted.id });
    expect(after.history.at(-1)?.action).toBe('sync.adopt_central');
  });

  it('refuses a draft: only submitted applications are corrected through sync', async () => {
    const draft = await call<ApplicationDetail>('applications.saveDraft', {
      typeCode: household.code,
      accountKind: 'lv_resident',
      fields: {},
      papers: [],
    });
    expect(() => service().applyCorrection(draft.id, {}, 'supervisor01')).toThrow(
      expect.objectContaining({ body: expect.objectContaining({ code: 'CONFLICT' }) }),
    );
  });
});
