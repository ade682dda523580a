import { createOutboxStore } from './sync/outbox-store';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../shared/api/schemas';
import { CATALOGUE } from '../../../shared/catalogue';
import { computeDeadline } from '../../../shared/deadline';
import { ApplicationSubmitPayloadSchema } from '../../../shared/sync/application-payload';
import { applicationSuite, MONDAY_10 } from './testing/application-suite';

const suite = applicationSuite('hall-services-');
const { call, fails, count, newInput, household } = suite;

describe('the dispatcher through createServices', () => {
  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const error = await fails('applications.delete', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
  });

  it('rejects malformed input with INVALID_INPUT naming the field in Chinese and English', async () => {
    const error = await fails('applications.submit', { ...newInput(), accountKind: 'martian' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('accountKind');
    // Named by its label, as the clerk sees it, never by the key.
    expect(error.message).toContain('用户类别');
    expect(error.message).not.toContain('accountKind');
    expect(error.messageEn).toContain('Account kind');
    expect(count('applications')).toBe(0);
  });

  it('reports system info and the catalogue', async () => {
    const info = await call<{ hallName: string; stationCode: string; catalogueVersion: string }>(
      'system.info',
      {},
    );
    expect(info).toMatchObject({
      hallName: '示范供电营业厅',
      stationCode: 'C01',
      transport: 'ipc',
      catalogueVersion: CATALOGUE.version,
    });
    const catalogue = await call<typeof CATALOGUE>('catalogue.get', {});
    expect(catalogue.types.map((t) => t.code)).toEqual(CATALOGUE.types.map((t) => t.code));
  });

  it('refuses a bad ID number with VALIDATION on fields.idNumber and saves nothing', async () => {
    const input = newInput();
    input.fields.idNumber = '110105194912310021'; // check character should be X
    const error = await fails('applications.submit', input);
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe('fields.idNumber');
    expect(error.fieldErrors?.map((e) => e.field)).toContain('fields.idNumber');
    expect(JSON.stringify(error)).not.toContain('110105194912310021');
    const draftError = await fails('applications.saveDraft', input);
    expect(draftError.field).toBe('fields.idNumber');
    for (const table of ['applications', 'application_history', 'outbox', 'app_no_counter']) {
      expect(count(table), table).toBe(0);
    }
  });
});

describe('submit', () => {
  it('writes the application, its history and one outbox row, and reads back masked', async () => {
    const input = newInput();
    const detail = await call<ApplicationDetail>('applications.submit', input);
    expect(detail.state).toBe('queued');
    expect(detail.appNo).toBe('C01202603020001');
    expect(detail.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    expect(detail.acceptedAt).toBe('2026-03-02T10:00:00.000+08:00');
    const due = computeDeadline(MONDAY_10, household.deadline.workingDays);
    expect(Date.parse(detail.deadlineAt as string)).toBe(due.getTime());
    expect(detail.clerk).toBe('clerk07');

    // Sealed at rest; the owner opens it (as the sender does, just before sending).
    const raw = suite.services.db.prepare('SELECT payload FROM outbox').pluck().all() as string[];
    expect(raw.every((p) => p.startsWith('e1.'))).toBe(true);
    const outbox = createOutboxStore(suite.services.db).byState('pending');
    expect(outbox).toHaveLength(1);
    const [row] = outbox;
    expect(row?.application_id).toBe(detail.id);
    expect(row?.kind).toBe('application.submit');
    expect(row?.state).toBe('pending');
    expect(row?.op_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(row?.payload_hash).toBe(
      createHash('sha256')
        .update(row?.payload ?? '')
        .digest('hex'),
    );
    const payload = ApplicationSubmitPayloadSchema.parse(JSON.parse(row?.payload ?? '{}'));
    expect(payload).toMatchObject({
      applicationId: detail.id,
      appNo: detail.appNo,
      acceptedAt: detail.acceptedAt,
      hallCode: 'HALL01',
      stationCode: 'C01',
      clerk: 'clerk07',
    });
    // The central system gets the full values; the screen gets masked ones.
    expect(payload.fields.idNumber).toBe(input.fields.idNumber);
    expect(JSON.stringify(detail)).not.toContain(input.fields.idNumber as string);
    expect(JSON.stringify(detail)).not.toContain(input.fields.mobile as string);
    expect(detail.history.map((h) => h.action)).toEqual(['submit']);
  });

  it('is all or nothing: a failing outbox insert leaves no application, history or number', async () => {
    suite.services.db.exec(`CREATE TRIGGER test_outbox_fails BEFORE INSERT ON outbox
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const input = newInput();
    const error = await fails('applications.submit', input);
    expect(error.code).toBe('INTERNAL');
    for (const table of ['applications', 'application_history', 'outbox', 'app_no_counter']) {
      expect(count(table), table).toBe(0);
    }
    // The log says what failed without the values that were being written.
    const log = suite.logLines.join('\n');
    expect(log).toContain('applications.submit');
    expect(log).not.toContain(input.fields.idNumber as string);
    expect(log).not.toContain(input.fields.mobile as string);
    expect(log).not.toContain('disk trouble');
  });

  it('numbers applications per station per hall day', async () => {
    const a = await call<ApplicationDetail>('applications.submit', newInput());
    const b = await call<ApplicationDetail>('applications.submit', newInput());
    suite.clock = new Date('2026-03-03T00:10:00+08:00'); // just after midnight hall time (16:10 UTC)
    const c = await call<ApplicationDetail>('applications.submit', newInput());
    expect([a.appNo, b.appNo, c.appNo]).toEqual([
      'C01202603020001',
      'C01202603020002',
      'C01202603030001',
    ]);
  });

  it('submits an existing draft under its id and then refuses to change it', async () => {
    const input = newInput();
    const draft = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      fields: { applicantName: input.fields.applicantName },
    });
    expect(draft.state).toBe('draft');
    suite.clock = new Date('2026-03-02T11:00:00+08:00');
    const submitted = await call<ApplicationDetail>('applications.submit', {
      ...input,
      id: draft.id,
      baseVersion: draft.version,
    });
    expect(submitted.id).toBe(draft.id);
    expect(submitted.createdAt).toBe(draft.createdAt);
    expect(submitted.acceptedAt).toBe('2026-03-02T11:00:00.000+08:00');
    expect(submitted.version).toBe(2);
    expect(submitted.history.map((h) => h.action)).toEqual(['draft.create', 'submit']);
    // Other content under a submitted id is refused (the same content is a retry: see below).
    const again = await fails('applications.submit', {
      ...input,
      fields: { ...input.fields, applicantName: '李四' },
      id: draft.id,
      baseVersion: submitted.version,
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.field).toBe('id');
    expect((await fails('applications.saveDraft', { ...input, id: draft.id })).code).toBe(
      'CONFLICT',
    );
    expect((await fails('applications.openDraft', { id: draft.id })).code).toBe('CONFLICT');
    expect(count('outbox')).toBe(1);
  });
});
