import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../../shared/api/schemas';
import { CATALOGUE } from '../../../../shared/catalogue';
import type { AccountKind, BusinessType } from '../../../../shared/catalogue/types';
import { ApplicationSubmitPayloadSchema } from '../../../../shared/sync/application-payload';
import { servicesPerTest } from '../testing/harness';
import { createOutboxStore } from '../sync/outbox-store';
import { fakeApplicationInput, rng } from '../testing/fixtures';

/**
 * Submit answers from what it has just written (no read-back) and builds the outbox payload
 * without a second schema pass: both must stay exactly what a read and the schema would give.
 */
const ctx = { transport: 'ipc' as const, actor: 'clerk07' };
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const h = servicesPerTest({
  prefix: 'hall-submit-answer-',
  actor: ctx.actor,
  once: true,
  options: () => ({ now: () => MONDAY_10 }),
});
const call = (method: string, input: unknown) => h.call<ApplicationDetail>(method, input);

/**
 * Random inputs do not always meet a type's cross-field rules (a capacity increase must add
 * capacity, say): the first of a few seeds the catalogue accepts, or undefined.
 */
async function firstAccepted(
  type: BusinessType,
  kind: AccountKind,
): Promise<ApplicationDetail | undefined> {
  for (let seed = 1; seed <= 20; seed++) {
    const input = fakeApplicationInput(type, rng(seed), MONDAY_10, kind);
    const res = await h.services.dispatch('applications.submit', input, ctx);
    if (res.ok) return res.value as ApplicationDetail;
    if (res.error.code !== 'VALIDATION') throw new Error(`submit failed: ${res.error.code}`);
  }
  return undefined;
}

describe('the answer of applications.submit', () => {
  it('equals a read of what it stored, and its payload passes the schema, for every type', async () => {
    const submittedTypes: string[] = [];
    for (const type of CATALOGUE.types) {
      for (const kind of type.accountKinds) {
        const submitted = await firstAccepted(type, kind);
        if (!submitted) continue; // its rules need values random inputs do not give
        submittedTypes.push(`${type.code}/${kind}`);
        expect(submitted).toEqual(await call('applications.get', { id: submitted.id }));
        const [row] = createOutboxStore(h.services.db)
          .byState('pending')
          .filter((o) => o.application_id === submitted.id);
        const stored = JSON.parse(row?.payload ?? '{}') as unknown;
        const parsed = ApplicationSubmitPayloadSchema.safeParse(stored);
        expect(parsed.success).toBe(true);
        // The schema would change nothing: what is stored is already its output.
        expect(parsed.data).toEqual(stored);
      }
    }
    // Most types and kinds were exercised (the catalogue has 42 pairs).
    expect(submittedTypes.length).toBeGreaterThanOrEqual(25);
  });

  it('of a saved draft equals a read too, with the draft history before it', async () => {
    const type = CATALOGUE.types[0];
    if (!type) throw new Error('empty catalogue');
    const input = fakeApplicationInput(type, rng(5), MONDAY_10);
    const draft = await call('applications.saveDraft', { ...input, fields: {} });
    const submitted = await call('applications.submit', {
      ...input,
      id: draft.id,
      baseVersion: draft.version,
    });
    expect(submitted.history.map((h) => h.action)).toEqual(['draft.create', 'submit']);
    expect(submitted).toEqual(await call('applications.get', { id: submitted.id }));
  });
});
