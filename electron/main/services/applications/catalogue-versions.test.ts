import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, Receipt } from '../../../../shared/api/schemas';
import { findType } from '../../../../shared/catalogue';
import { CATALOGUES } from '../../../../shared/catalogue/versions';
import { servicesPerTest } from '../testing/harness';
import { fakeApplicationInput, rng } from '../testing/fixtures';

// 23:50 on the last day of 2026.1 and 00:10 on the first of 2026.2, hall time.
const BEFORE = new Date('2026-11-30T23:50:00+08:00');
const AFTER = new Date('2026-12-01T00:10:00+08:00');
let clock = BEFORE;

const h = servicesPerTest({
  prefix: 'hall-catalogue-versions-',
  actor: 'clerk07',
  options: () => ({ now: () => clock, catalogues: CATALOGUES }),
});

const v1 = CATALOGUES.byVersion('2026.1')!;
const hvOf2026_1 = findType(v1, 'NEW_HV')!;
const info = () =>
  h.call<{ catalogueVersion: string; catalogueChangesOn: string | null }>('system.info', {});
const refusal = async (method: string, input: unknown) =>
  h.call(method, input).then(
    () => 'accepted',
    (e: Error) => e.message,
  );

describe('the catalogue version follows the hall date without a restart', () => {
  it('says the version in force and the date of the next, and switches at midnight', async () => {
    clock = BEFORE;
    expect(await info()).toMatchObject({
      catalogueVersion: '2026.1',
      catalogueChangesOn: '2026-12-01',
    });
    expect((await h.call<{ version: string }>('catalogue.get', {})).version).toBe('2026.1');
    clock = AFTER;
    expect(await info()).toMatchObject({ catalogueVersion: '2026.2', catalogueChangesOn: null });
    expect((await h.call<{ version: string }>('catalogue.get', {})).version).toBe('2026.2');
    const old = await h.call<{ version: string }>('catalogue.get', { version: '2026.1' });
    expect(old.version).toBe('2026.1');
    expect(await refusal('catalogue.get', { version: '2019.1' })).toContain('"field":"version"');
  });

  it('keeps the version an application was accepted under, and prints its receipt by it', async () => {
    clock = BEFORE;
    const input = fakeApplicationInput(hvOf2026_1, rng(5), BEFORE, 'hv');
    const accepted = await h.call<ApplicationDetail>('applications.submit', input);
    expect(accepted.catalogueVersion).toBe('2026.1');

    clock = AFTER;
    // The same form of 2026.1 (one requested kVA, no transformer list) is refused under 2026.2…
    const again = await refusal('applications.submit', { ...input, id: undefined });
    expect(again).toContain('fields.requestedKva');
    // …while the application accepted yesterday still reads and prints as 2026.1 had it.
    const read = await h.call<ApplicationDetail>('applications.get', { id: accepted.id });
    expect(read.catalogueVersion).toBe('2026.1');
    const receipt = await h.call<Receipt>('applications.receipt', { id: accepted.id });
    const printed = receipt.fields.map((f) => f.key);
    expect(printed).toContain('requestedKva');
    expect(printed).not.toContain('transformerCount');
  });

  it('holds a household increase to 100 kVA in total on both sides of the switch', async () => {
    const incOf = (at: Date, addedKva: number) => {
      const type = findType(CATALOGUES.inForce(at), 'INC_LV_RES')!;
      const input = fakeApplicationInput(type, rng(9), at, 'lv_resident');
      return { ...input, fields: { ...input.fields, existingKva: 80, addedKva } };
    };
    clock = BEFORE;
    expect(await refusal('applications.submit', incOf(BEFORE, 40))).toContain('100 kVA');
    clock = AFTER;
    expect(await refusal('applications.submit', incOf(AFTER, 40))).toContain('100 kVA');
    const accepted = await h.call<ApplicationDetail>('applications.submit', incOf(AFTER, 20));
    expect(accepted.catalogueVersion).toBe('2026.2');
  });
});
