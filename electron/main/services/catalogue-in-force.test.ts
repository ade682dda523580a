import { describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/api/methods/dashboard';
import type { RequestCatalogueView } from '../../../shared/api/methods/requests';
import type { ApplicationDetail } from '../../../shared/api/schemas';
import type { Catalogue } from '../../../shared/catalogue';
import { CATALOGUE_2026_1 } from '../../../shared/catalogue/data/catalogue-2026.1';
import { CATALOGUE_2026_2 } from '../../../shared/catalogue/data/catalogue-2026.2';
import {
  catalogueShelf,
  pinnedCatalogue,
  requestsAlong,
  type CatalogueShelf,
} from '../../../shared/catalogue/versions';
import { testLog } from '../../../tests/support/test-log';
import { catalogueReport, type DiagnosticsBundle } from './operations/diagnostics';
import { servicesPerTest } from './testing/harness';
import { fakeApplicationInput, householdNewType, rng } from './testing/fixtures';

/**
 * Screens and reports name business types from the catalogue version in force at the hall's
 * date (or from an application's own version), never from the newest version shipped. The
 * shipped versions name every type alike, so the test versions rename the household new
 * connection: a service that read the newest version would print the wrong name.
 */
const CODE = householdNewType(CATALOGUE_2026_1).code;
const OLD_NAME = '旧版居民新装';
const NEW_NAME = '新版居民新装';
const renamed = (c: Catalogue, zh: string): Catalogue => ({
  ...c,
  types: c.types.map((t) => (t.code === CODE ? { ...t, name: { zh, en: zh } } : t)),
});
const OLD = renamed(CATALOGUE_2026_1, OLD_NAME);
const NEW = renamed(CATALOGUE_2026_2, NEW_NAME);

/** 10:00 in the hall on the last day of 2026.1 and on the first day of 2026.2. */
const LAST_DAY_OF_OLD = new Date('2026-11-30T10:00:00+08:00');
const FIRST_DAY_OF_NEW = new Date('2026-12-01T10:00:00+08:00');

const setup = { clock: LAST_DAY_OF_OLD, shelf: catalogueShelf([OLD, NEW]) as CatalogueShelf };
const hall = servicesPerTest({
  prefix: 'hall-catalogue-in-force-',
  actor: 'supervisor1',
  options: () => ({ now: () => setup.clock, catalogues: setup.shelf }),
});

const csv = (file: ExportFile): string => Buffer.from(file.base64, 'base64').toString('utf8');
const exportOf = async (report: 'applications' | 'byType', day: string) =>
  csv(
    await hall.call<ExportFile>('reports.export', {
      report,
      format: 'csv',
      filters: { from: day, to: day },
    }),
  );
const diagnostics = async (): Promise<DiagnosticsBundle> =>
  JSON.parse(
    Buffer.from(
      (await hall.call<{ base64: string }>('system.diagnostics', {})).base64,
      'base64',
    ).toString('utf8'),
  ) as DiagnosticsBundle;

describe('type names and versions follow the hall date, not the newest version', () => {
  describe('on 30 November (2026.1 in force)', () => {
    it('exports name the type as 2026.1 does, for the application and the count by type', async () => {
      const input = fakeApplicationInput(householdNewType(OLD), rng(7), LAST_DAY_OF_OLD);
      const accepted = await hall.call<ApplicationDetail>('applications.submit', input);
      expect(accepted.catalogueVersion).toBe('2026.1');
      const rows = await exportOf('applications', '2026-11-30');
      const byType = await exportOf('byType', '2026-11-30');
      testLog(
        `catalogue-in-force 2026-11-30: applications_export_old_name=${rows.includes(OLD_NAME)} new_name=${rows.includes(NEW_NAME)}; by_type_old_name=${byType.includes(OLD_NAME)} new_name=${byType.includes(NEW_NAME)}`,
      );
      expect([rows.includes(OLD_NAME), rows.includes(NEW_NAME)]).toEqual([true, false]);
      expect([byType.includes(OLD_NAME), byType.includes(NEW_NAME)]).toEqual([true, false]);
    });

    it('diagnostics report 2026.1 chosen by the hall date, with 2026.2 next', async () => {
      const bundle = await diagnostics();
      expect(bundle.versions.catalogue).toEqual({
        inForce: '2026.1',
        requests: '2026.1',
        chosenBy: 'hall date',
        next: { version: '2026.2', from: '2026-12-01' },
      });
    });

    it('the requests catalogue served is 2026.1', async () => {
      const view = await hall.call<RequestCatalogueView>('requests.catalogue', {});
      expect(view.version).toBe('2026.1');
    });
  });

  describe('on 1 December (2026.2 in force)', () => {
    it('an application accepted under 2026.1 keeps its name; the count by type uses 2026.2', async () => {
      const input = fakeApplicationInput(householdNewType(OLD), rng(8), LAST_DAY_OF_OLD);
      await hall.call<ApplicationDetail>('applications.submit', input);
      setup.clock = FIRST_DAY_OF_NEW;
      try {
        const rows = await exportOf('applications', '2026-11-30');
        const byType = await exportOf('byType', '2026-11-30');
        expect([rows.includes(OLD_NAME), rows.includes(NEW_NAME)]).toEqual([true, false]);
        expect([byType.includes(OLD_NAME), byType.includes(NEW_NAME)]).toEqual([false, true]);
        const view = await hall.call<RequestCatalogueView>('requests.catalogue', {});
        expect(view.version).toBe('2026.2');
        expect((await diagnostics()).versions.catalogue).toMatchObject({
          inForce: '2026.2',
          next: null,
        });
      } finally {
        setup.clock = LAST_DAY_OF_OLD;
      }
    });
  });

  describe('pinned with HALL_CATALOGUE_VERSION', () => {
    it('diagnostics say which version is pinned, whatever the date', () => {
      const pinned = pinnedCatalogue(CATALOGUE_2026_2);
      const shelves = { applications: pinned, requests: requestsAlong(pinned) };
      expect(catalogueReport(shelves, LAST_DAY_OF_OLD)).toEqual({
        inForce: '2026.2',
        requests: '2026.2',
        chosenBy: 'pinned',
        next: null,
      });
    });
  });
});
