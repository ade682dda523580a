import { CATALOGUES, pinnedCatalogue, type CatalogueShelf } from '../../shared/catalogue/versions';

/**
 * HALL_NOW=<ISO time with offset>: the services' clock starts at that instant and runs on in
 * real time, so demos and end-to-end tests can accept an application "on 2026-09-30 10:00"
 * (the working day before National Day). Unset = the real clock. Browsers keep their own
 * clock: the renderer's warnings follow the browser's time, as they must.
 */
export function clockFromEnv(
  value: string | undefined,
  realNow: () => number = Date.now,
): (() => Date) | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim()))
    throw new RangeError(
      'HALL_NOW must be an ISO time with an offset, e.g. 2026-09-30T10:00:00+08:00',
    );
  const start = Date.parse(value.trim());
  const offset = start - realNow();
  return () => new Date(realNow() + offset);
}

/**
 * HALL_CATALOGUE_VERSION=<version>: the services serve that catalogue version whatever the hall
 * date (development and end-to-end tests only). Unset = every shipped version, by date.
 */
export function catalogueFromEnv(value: string | undefined): CatalogueShelf | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const found = CATALOGUES.byVersion(value.trim());
  if (!found)
    throw new RangeError(
      `HALL_CATALOGUE_VERSION must be one of ${CATALOGUES.versions.map((c) => c.version).join(', ')}`,
    );
  return pinnedCatalogue(found);
}
