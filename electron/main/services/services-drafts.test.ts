import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../shared/api/schemas';
import { applicationSuite } from './testing/application-suite';

const suite = applicationSuite('hall-services-drafts-');
const { call, fails, count, newInput } = suite;

describe('saveDraft', () => {
  it('is ready when it would pass submit, a draft otherwise', async () => {
    const input = newInput();
    const partial = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      papers: [],
    });
    expect(partial.state).toBe('draft');
    const full = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      id: partial.id,
      baseVersion: partial.version,
    });
    expect(full.state).toBe('ready');
    expect(count('outbox')).toBe(0);
  });

  it('locks optimistically on baseVersion', async () => {
    const input = newInput();
    const v1 = await call<ApplicationDetail>('applications.saveDraft', input);
    await call('applications.saveDraft', { ...input, id: v1.id, baseVersion: 1 });
    const other = { ...input.fields, applicantName: '李四' };
    const stale = await fails('applications.saveDraft', {
      ...input,
      fields: other,
      id: v1.id,
      baseVersion: 1,
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.field).toBe('baseVersion');
    // The same save again (a retry after a lost answer) gets the stored version, not a third.
    const retried = await call<ApplicationDetail>('applications.saveDraft', {
      ...input,
      id: v1.id,
      baseVersion: 1,
    });
    expect(retried.version).toBe(2);
    const missing = await fails('applications.saveDraft', { ...input, fields: other, id: v1.id });
    expect(missing.code).toBe('CONFLICT');
    const reopened = await call<ApplicationDetail>('applications.openDraft', { id: v1.id });
    expect(reopened.version).toBe(2);
  });

  it('records the changed field keys with masked values in the history', async () => {
    const input = newInput();
    const v1 = await call<ApplicationDetail>('applications.saveDraft', input);
    const newMobile = '13912345678';
    await call('applications.saveDraft', {
      ...input,
      id: v1.id,
      baseVersion: v1.version,
      fields: { ...input.fields, mobile: newMobile },
    });
    const detail = await call<ApplicationDetail>('applications.get', { id: v1.id });
    const update = detail.history[1];
    expect(update?.action).toBe('draft.update');
    expect(update?.actor).toBe('clerk07');
    expect(Object.keys(update?.changes ?? {})).toEqual(['mobile']);
    expect(update?.changes.mobile).toEqual({
      from: `${(input.fields.mobile as string).slice(0, 3)}****${(input.fields.mobile as string).slice(7)}`,
      to: '139****5678',
    });
    const stored = suite.services.db
      .prepare('SELECT group_concat(changes_json) FROM application_history')
      .pluck()
      .get() as string;
    for (const secret of [newMobile, input.fields.mobile, input.fields.idNumber]) {
      expect(stored).not.toContain(secret as string);
    }
  });

  it('gives the full values back only through openDraft', async () => {
    const input = newInput();
    const saved = await call<ApplicationDetail>('applications.saveDraft', input);
    const open = await call<ApplicationDetail>('applications.openDraft', { id: saved.id });
    expect(open.fields.idNumber).toBe(input.fields.idNumber);
    expect(open.fields.mobile).toBe(input.fields.mobile);
    const shown = await call<ApplicationDetail>('applications.get', { id: saved.id });
    expect(shown.fields.idNumber).not.toBe(input.fields.idNumber);
    expect(shown.fields.idNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(shown.fields.address).toMatch(/\*\*\*\*$/);
    expect(JSON.stringify(shown)).not.toContain(
      (input.fields.address as { detail: string }).detail,
    );
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const error = await fails('applications.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
  });
});
