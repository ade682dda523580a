import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { PERMISSIONS } from '../../shared/api/permissions';
import { CATALOGUE } from '../../shared/catalogue';
import { idCheckChar } from '../../shared/validators';
import {
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
import { shapeKeys } from '../fuzz/payloads';

const ID_BODY = '35010219800101779';
const CANARY_ID = ID_BODY + idCheckChar(ID_BODY);
const CANARY_PHONE = '13957319999';

let staff: TestServices;
let tokens: Awaited<ReturnType<typeof seedStaff>>;
let appId = '';

beforeAll(async () => {
  staff = startTestServices();
  tokens = await seedStaff(staff.services);
  const input = fakeApplicationInput(householdNewType(CATALOGUE), rng(9), new Date());
  input.fields = { ...input.fields, idNumber: CANARY_ID, mobile: CANARY_PHONE };
  const r = await staff.services.dispatch('applications.submit', input, ctxFor(tokens.counter));
  if (!r.ok) throw new Error(r.error.messageEn);
  appId = (r.value as { id: string }).id;
});
afterAll(async () => {
  await staff.cleanup();
});

/** An input that names the seeded application wherever a method takes an id. */
const inputFor = (method: (typeof METHOD_NAMES)[number]) =>
  shapeKeys(contract[method].input as never).includes('id') ? { id: appId } : {};

describe('masking by role in the services', () => {
  it('no answer but reveal and draft editing carries a full ID number or phone, to any staff role', async () => {
    let unmasked = 0;
    const seen: string[] = [];
    const roles = ['guide', 'counter', 'supervisor'] as const;
    for (const role of roles) {
      for (const method of METHOD_NAMES) {
        if (!PERMISSIONS[method].includes(role) || method === 'auth.signOut') continue;
        // Reveal and editing an own draft are the audited ways to the full value.
        if (method === 'applications.reveal' || method === 'applications.openDraft') continue;
        const r = await staff.services.dispatch(method, inputFor(method), ctxFor(tokens[role]));
        const text = JSON.stringify(r);
        if (text.includes(CANARY_ID) || text.includes(CANARY_PHONE)) {
          unmasked += 1;
          seen.push(`${role} ${method}`);
        }
      }
    }
    console.log(`unmasked=${unmasked}`);
    expect(seen).toEqual([]);
  });

  it('the guide cannot reveal; the counter can, and that reveal is in the audit trail', async () => {
    const byGuide = await staff.services.dispatch(
      'applications.reveal',
      { id: appId, field: 'mobile' },
      ctxFor(tokens.guide),
    );
    expect(byGuide.ok ? 'ok' : byGuide.error.code).toBe('FORBIDDEN');
    const byCounter = await staff.services.dispatch(
      'applications.reveal',
      { id: appId, field: 'mobile' },
      ctxFor(tokens.counter),
    );
    expect(byCounter).toEqual({ ok: true, value: { value: CANARY_PHONE } });
    const trail = await staff.services.dispatch('audit.list', {}, ctxFor(tokens.supervisor));
    expect(JSON.stringify(trail)).toContain('"field":"mobile"');
    expect(JSON.stringify(trail)).not.toContain(CANARY_PHONE);
  });
});
