import { describe, expect, it } from 'vitest';
import { createCentralCore } from './core';
import { opFor, submitPayload } from './testing/fixtures';
import { catalogueShelf } from '../shared/catalogue/versions';
import { CATALOGUE_2026_2 } from '../shared/catalogue/data/catalogue-2026.2';
import { HV_STAGES, LV_RESIDENT_STAGES } from '../shared/catalogue/stages';
import type { Catalogue } from '../shared/catalogue/types';

const DEVICE = {
  deviceId: '0190aaaa-0000-7000-8000-000000000001',
  hallCode: 'H01',
  stationCode: 'S1',
};

const TYPE = 'NEW_LV_RES';
/** Two versions that give NEW_LV_RES different stages, the second from 2026-12-01. */
function version(name: string, effectiveFrom: string, stages: string[]): Catalogue {
  return {
    ...CATALOGUE_2026_2,
    version: name,
    effectiveFrom,
    types: CATALOGUE_2026_2.types.map((t) => (t.code === TYPE ? { ...t, stages } : t)),
  };
}
const OLD = ['ACCEPT', 'ARCHIVE'];
const NEW = ['ACCEPT', 'SURVEY', 'METER_ENERGIZE', 'ARCHIVE'];

describe('stages by the catalogue version an application was accepted under', () => {
  it('uses the named version, else the one in force on the hall day of acceptance, else the defaults', async () => {
    const core = createCentralCore({
      dbFile: ':memory:',
      keyFile: ':ephemeral:',
      catalogues: catalogueShelf([
        version('v-old', '2026-01-01', OLD),
        version('v-new', '2026-12-01', NEW),
      ]),
    });
    // One batch, the hall days alternating: a resolver that kept the day it saw first would
    // give the later ones the wrong version.
    const cases: {
      catalogueVersion: string;
      acceptedAt: string;
      typeCode?: string;
      expected: readonly string[];
    }[] = [
      { catalogueVersion: 'v-old', acceptedAt: '2026-12-01T10:00:00+08:00', expected: OLD },
      { catalogueVersion: 'v-new', acceptedAt: '2026-11-01T10:00:00+08:00', expected: NEW },
      { catalogueVersion: 'v-later', acceptedAt: '2026-11-30T23:59:59+08:00', expected: OLD },
      { catalogueVersion: 'v-later', acceptedAt: '2026-12-01T00:00:00+08:00', expected: NEW },
      // The same UTC day as the one before, but the hall day before (00:00 hall time is 16:00 UTC).
      { catalogueVersion: 'v-later', acceptedAt: '2026-11-30T15:59:59Z', expected: OLD },
      { catalogueVersion: 'v-later', acceptedAt: '2026-11-30T16:00:00Z', expected: NEW },
      { catalogueVersion: 'v-later', acceptedAt: '2026-11-30T12:00:00+08:00', expected: OLD },
      {
        catalogueVersion: 'v-new',
        acceptedAt: '2026-12-01T10:00:00+08:00',
        typeCode: 'no_such_type',
        expected: LV_RESIDENT_STAGES,
      },
    ];
    const payloads = cases.map((c) =>
      submitPayload({
        hallCode: DEVICE.hallCode,
        catalogueVersion: c.catalogueVersion,
        acceptedAt: c.acceptedAt,
        typeCode: c.typeCode ?? TYPE,
      }),
    );
    const hv = submitPayload({
      hallCode: DEVICE.hallCode,
      typeCode: 'no_such_hv',
      accountKind: 'hv',
    });
    const results = await core.ledger.applyBatch(
      DEVICE,
      [...payloads, hv].map((p) => opFor(DEVICE.deviceId, p)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(cases.length + 1).fill('applied'));
    const stagesOf = (id: string): unknown =>
      JSON.parse(
        (
          core.db.prepare('SELECT stages FROM applications WHERE application_id = ?').get(id) as {
            stages: string;
          }
        ).stages,
      );
    cases.forEach((c, i) =>
      expect(stagesOf(payloads[i]!.applicationId), c.acceptedAt).toEqual(c.expected),
    );
    expect(stagesOf(hv.applicationId)).toEqual(HV_STAGES);
    await core.store.close();
  });
});
