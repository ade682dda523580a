import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../shared/catalogue';
import { fakeApplicationInput, householdNewType, rng } from '../testing/fixtures';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../auth/testing/services';

let t: TestServices;
let tokens: Awaited<ReturnType<typeof seedStaff>>;
let appId: string;
let idNumber: string;

beforeEach(async () => {
  t = startTestServices();
  tokens = await seedStaff(t.services);
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(7), new Date());
  idNumber = String(input.fields.idNumber);
  const detail = await callOk<{ id: string }>(
    t.services,
    'applications.submit',
    input,
    tokens.counter,
  );
  appId = detail.id;
});
afterEach(async () => {
  await t.cleanup();
});

const verify = () =>
  callOk<{ ok: boolean; rows: number; firstBadId: number | null }>(
    t.services,
    'audit.verify',
    {},
    tokens.supervisor,
  );

describe('masking by role and the audit trail', () => {
  it('the detail is masked; a counter may reveal the ID number, a guide may not; each reveal is audited', async () => {
    const detail = await callOk<unknown>(
      t.services,
      'applications.get',
      { id: appId },
      tokens.guide,
    );
    expect(JSON.stringify(detail)).not.toContain(idNumber);
    const revealed = await callOk<{ value: string }>(
      t.services,
      'applications.reveal',
      { id: appId, field: 'idNumber' },
      tokens.counter,
    );
    expect(revealed.value).toBe(idNumber);
    const byGuide = await t.services.dispatch(
      'applications.reveal',
      { id: appId, field: 'idNumber' },
      ctxFor(tokens.guide),
    );
    expect(byGuide.ok ? 'ok' : byGuide.error.code).toBe('FORBIDDEN');
    await callOk(t.services, 'applications.receipt', { id: appId }, tokens.counter);
    const entries = await callOk<
      { action: string; actor: string; target: string; detail: object }[]
    >(t.services, 'audit.list', {}, tokens.supervisor);
    const reveal = entries.find((e) => e.action === 'reveal');
    expect(reveal).toMatchObject({ actor: 'C101', target: appId, detail: { field: 'idNumber' } });
    expect(entries.find((e) => e.action === 'print')).toMatchObject({
      actor: 'C101',
      target: appId,
    });
    expect(entries.filter((e) => e.action === 'reveal')).toHaveLength(1);
    // The trail names fields, never their values.
    expect(JSON.stringify(t.services.db.prepare('SELECT * FROM audit_log').all())).not.toContain(
      idNumber,
    );
    expect(await verify()).toEqual({ ok: true, rows: entries.length, firstBadId: null });
  });

  it('reopening a draft (full values, for editing) is audited as a reveal', async () => {
    const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(8), new Date());
    const draft = await callOk<{ id: string }>(
      t.services,
      'applications.saveDraft',
      input,
      tokens.counter,
    );
    await callOk(t.services, 'applications.openDraft', { id: draft.id }, tokens.counter);
    const entries = await callOk<{ action: string; target: string; detail: object }[]>(
      t.services,
      'audit.list',
      {},
      tokens.supervisor,
    );
    expect(entries[0]).toMatchObject({
      action: 'reveal',
      target: draft.id,
      detail: { draft: true },
    });
  });

  it('is append-only: the triggers refuse UPDATE and DELETE', () => {
    const db = t.services.db;
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });

  it('finds a row edited behind the triggers’ back', async () => {
    const db = t.services.db;
    const before = await verify();
    expect(before.ok).toBe(true);
    expect(before.rows).toBeGreaterThanOrEqual(4);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'S001' WHERE id = 3").run();
    expect(await verify()).toEqual({ ok: false, rows: 3, firstBadId: 3 });
  });

  it('finds a row deleted from the middle, and a rewritten hash', async () => {
    const db = t.services.db;
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update');
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect((await verify()).firstBadId).toBe(3);
    // Someone who also recomputes this row's own hash still breaks the next link.
    const { auditHash } = await import('./chain');
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, never>;
    const prev =
      (db.prepare('SELECT hash FROM audit_log WHERE id = 1').pluck().get() as string) ?? '';
    const data = { ...row, id: 2 } as unknown as Parameters<typeof auditHash>[1];
    db.prepare('UPDATE audit_log SET id = 2, prev_hash = ?, hash = ? WHERE id = 3').run(
      prev,
      auditHash(prev, {
        id: 2,
        at: data.at,
        actor: data.actor,
        role: data.role,
        action: data.action,
        target: data.target,
        detail: data.detail,
      }),
    );
    expect((await verify()).firstBadId).toBe(4);
  });
});
