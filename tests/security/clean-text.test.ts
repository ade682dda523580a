import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textProblem } from '../../shared/api/clean-text';
import type { ApplicationDetail } from '../../shared/api/schemas';
import { CATALOGUE } from '../../shared/catalogue';
import {
  callOk,
  ctxFor,
  seedStaff,
  startTestServices,
  type TestServices,
} from '../../electron/main/services/auth/testing/services';
import {
  fakeApplicationInput,
  householdNewType,
  rng,
} from '../../electron/main/services/testing/fixtures';

const BAD_CHARS = ['\uD800', '\uDFFF', '\uFFFD', '\u202E', '\u2066', '\u0000', '\u001B', '\u200B'];

/** Every string cell of every table: nothing a clean-text rule refuses may be stored. */
function dirtyCells(t: TestServices): string[] {
  const db = t.services.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: string[] = [];
  for (const table of tables)
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
      for (const [column, value] of Object.entries(row))
        if (typeof value === 'string' && textProblem(value, 'text') !== null)
          found.push(`${table}.${column}`);
  return found;
}

describe('clean text through createServices and the dispatcher', () => {
  let t: TestServices;
  let tokens: Awaited<ReturnType<typeof seedStaff>>;
  const household = householdNewType(CATALOGUE);
  const r = rng(5);
  let tries = 0;

  beforeAll(async () => {
    t = startTestServices();
    tokens = await seedStaff(t.services);
  });
  afterAll(async () => {
    console.log(`clean_text refused=${tries} stored_dirty=${dirtyCells(t).length}`);
    await t.cleanup();
  });

  const refused = async (method: string, input: unknown, session: string, field: string) => {
    tries += 1;
    const res = await t.services.dispatch(method, input, ctxFor(session));
    expect(res.ok, `${method} accepted a bad ${field}`).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.field).toBe(field);
    expect(res.error.message).toMatch(/[\u4e00-\u9fff]/);
  };

  it('refuses each bad class in names and free text of every method that takes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BAD_CHARS), fc.nat(3), async (bad, at) => {
        const name = `王${'芳芳'.slice(0, at)}${bad}明`;
        const app = fakeApplicationInput(household, r, new Date());
        await refused(
          'applications.saveDraft',
          { ...app, fields: { ...app.fields, applicantName: name } },
          tokens.counter,
          'fields.applicantName',
        );
        await refused(
          'applications.submit',
          { ...app, fields: { ...app.fields, applicantName: name } },
          tokens.counter,
          'fields.applicantName',
        );
        const complaint = {
          kind: 'complaint',
          subject: 'billing',
          channel: 'counter',
          customerName: '王芳',
          mobile: '13812345678',
          content: '九月电费比往月高出一倍',
        };
        await refused(
          'complaints.take',
          { ...complaint, customerName: name },
          tokens.counter,
          'customerName',
        );
        // Free text may hold invisible format characters (a zero-width space); names may not.
        if (textProblem(bad, 'text') !== null)
          await refused(
            'complaints.take',
            { ...complaint, content: `电费${bad}过高` },
            tokens.counter,
            'content',
          );
        await refused(
          'auth.createAccount',
          { staffNo: 'C900', name, role: 'counter', secret: 'counter-pass9' },
          tokens.supervisor,
          'name',
        );
      }),
      { numRuns: 24, seed: 7 },
    );
    expect(dirtyCells(t)).toEqual([]);
  });

  it('stores a decomposed name composed (NFC)', async () => {
    const app = fakeApplicationInput(household, r, new Date());
    const decomposed = 'Jose\u0301 王';
    const draft = await callOk<ApplicationDetail>(
      t.services,
      'applications.saveDraft',
      { ...app, fields: { ...app.fields, applicantName: decomposed } },
      tokens.counter,
    );
    expect(draft.fields.applicantName).toBe('José 王');
    const stored = t.services.db
      .prepare('SELECT applicant_name FROM applications WHERE id = ?')
      .pluck()
      .get(draft.id);
    expect(stored).toBe('José 王');
    expect(stored).not.toBe(decomposed);
  });
});
