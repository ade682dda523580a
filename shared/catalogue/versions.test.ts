import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './index';
import {
  CATALOGUES,
  catalogueShelf,
  pinnedCatalogue,
  REQUEST_CATALOGUES,
  requestsAlong,
  singleCatalogue,
} from './versions';

// Hall midnight (UTC+8) of 1 December 2026 is 16:00 UTC on 30 November.
const LAST_MINUTE_OF_2026_1 = new Date('2026-11-30T23:59:59+08:00');
const FIRST_SECOND_OF_2026_2 = new Date('2026-12-01T00:00:00+08:00');

describe('catalogue versions by hall date', () => {
  it('ships 2026.1 and 2026.2, and CATALOGUE is the newest', () => {
    expect(CATALOGUES.versions.map((c) => `${c.version}@${c.effectiveFrom}`)).toEqual([
      '2026.1@2026-01-01',
      '2026.2@2026-12-01',
    ]);
    expect(CATALOGUE.version).toBe('2026.2');
  });

  it('switches at hall midnight, not at UTC midnight', () => {
    expect(CATALOGUES.inForce(LAST_MINUTE_OF_2026_1).version).toBe('2026.1');
    expect(CATALOGUES.inForce(FIRST_SECOND_OF_2026_2).version).toBe('2026.2');
    expect(CATALOGUES.onDate('2026-11-30').version).toBe('2026.1');
    expect(CATALOGUES.onDate('2027-06-01').version).toBe('2026.2');
  });

  it('names the next version only before it takes over', () => {
    expect(CATALOGUES.next(LAST_MINUTE_OF_2026_1)?.version).toBe('2026.2');
    expect(CATALOGUES.next(FIRST_SECOND_OF_2026_2)).toBeUndefined();
  });

  it('finds a version by name, and none for one not shipped', () => {
    expect(CATALOGUES.byVersion('2026.1')?.effectiveFrom).toBe('2026-01-01');
    expect(CATALOGUES.byVersion('2025.9')).toBeUndefined();
  });

  it('gives the earliest version for a date before all of them, whatever the order given', () => {
    const [a, b] = CATALOGUES.versions;
    const shelf = catalogueShelf([b!, a!]);
    expect(shelf.onDate('2025-12-31').version).toBe('2026.1');
    expect(shelf.versions.map((c) => c.version)).toEqual(['2026.1', '2026.2']);
  });

  it('keeps the household total cap of 100 kVA in 2026.2, now sourced to the phase limit', () => {
    const cap = (v: string) =>
      CATALOGUES.byVersion(v)
        ?.types.find((t) => t.code === 'INC_LV_RES')
        ?.rules.find((r) => r.code === 'MAX_TOTAL')?.params?.max;
    expect(cap('2026.1')).toBe(100);
    expect(cap('2026.2')).toBe(100);
  });
});

describe('requests catalogue versions by hall date', () => {
  it('ships 2026.1 and 2026.2 on the application catalogue dates, switching at hall midnight', () => {
    expect(REQUEST_CATALOGUES.versions.map((c) => `${c.version}@${c.effectiveFrom}`)).toEqual(
      CATALOGUES.versions.map((c) => `${c.version}@${c.effectiveFrom}`),
    );
    expect(REQUEST_CATALOGUES.inForce(LAST_MINUTE_OF_2026_1).version).toBe('2026.1');
    expect(REQUEST_CATALOGUES.inForce(FIRST_SECOND_OF_2026_2).version).toBe('2026.2');
  });

  it('2026.1 has the figures of 2026.2 (issue 13 changed none of them)', () => {
    const [a, b] = REQUEST_CATALOGUES.versions;
    const { version: _va, effectiveFrom: _fa, ...figuresA } = a!;
    const { version: _vb, effectiveFrom: _fb, ...figuresB } = b!;
    expect(figuresA).toEqual(figuresB);
  });

  it('follows a shelf of one application version, and stays pinned with it', () => {
    const newest = CATALOGUES.versions.at(-1)!;
    const single = requestsAlong(singleCatalogue(newest));
    expect(single.versions.map((c) => c.version)).toEqual(['2026.2']);
    expect(single.pinned).toBeUndefined();
    const pinned = requestsAlong(pinnedCatalogue(CATALOGUES.versions[0]!));
    expect([pinned.inForce(FIRST_SECOND_OF_2026_2).version, pinned.pinned]).toEqual([
      '2026.1',
      true,
    ]);
    // A shelf of versions with no requests counterpart falls back to every requests version.
    const province = { ...newest, version: 'province-2027.1' };
    expect(requestsAlong(singleCatalogue(province))).toBe(REQUEST_CATALOGUES);
  });
});
