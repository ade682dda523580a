import { hallDate } from '../hall-time';
import { CATALOGUE_2026_1 } from './data/catalogue-2026.1';
import { CATALOGUE_2026_2 } from './data/catalogue-2026.2';
import { REQUESTS_2026_1 } from './data/requests-2026.1';
import { REQUESTS_2026_2 } from './data/requests-2026.2';
import type { RequestCatalogue } from './request-kinds';
import type { BusinessType, Catalogue } from './types';

/**
 * The catalogue versions this build ships, and which one is in force on a hall date. A version
 * applies from its effectiveFrom (hall time, 00:00) until the next one's: the switch at midnight
 * needs no restart because every caller asks with the time of its own action. An application
 * keeps the version it was accepted under (catalogue_version) and is read back against it.
 */
export interface Shelf<T extends Versioned> {
  /** Every version, oldest first. */
  readonly versions: readonly T[];
  /** The version in force on the hall date of `at`. */
  inForce(at: Date | number): T;
  /** The version in force on a hall date ('YYYY-MM-DD'). */
  onDate(date: string): T;
  /** A version by its name; undefined when this build doesn't ship it. */
  byVersion(version: string): T | undefined;
  /** The version that follows the one in force at `at`, if one is scheduled. */
  next(at: Date | number): T | undefined;
  /** Set when one version was fixed whatever the date (HALL_CATALOGUE_VERSION). */
  readonly pinned?: boolean;
}

/** What a shelf needs of a version: its name and the hall date it applies from. */
export interface Versioned {
  readonly version: string;
  readonly effectiveFrom: string;
}

export type CatalogueShelf = Shelf<Catalogue>;
export type RequestShelf = Shelf<RequestCatalogue>;

export function catalogueShelf<T extends Versioned>(versions: readonly T[]): Shelf<T> {
  if (versions.length === 0) throw new Error('catalogueShelf: no catalogue version');
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const first = sorted[0] as T;
  const onDate = (date: string): T =>
    sorted.reduce((found, c) => (c.effectiveFrom <= date ? c : found), first);
  return {
    versions: sorted,
    onDate,
    inForce: (at) => onDate(hallDate(at)),
    byVersion: (version) => sorted.find((c) => c.version === version),
    next: (at) => {
      const date = hallDate(at);
      return sorted.find((c) => c.effectiveFrom > date);
    },
  };
}

/** A shelf of one version (tests, and a station built for a single version). */
export const singleCatalogue = <T extends Versioned>(c: T): Shelf<T> => catalogueShelf([c]);

/** One version whatever the date, marked as pinned so diagnostics can say so. */
export const pinnedCatalogue = <T extends Versioned>(c: T): Shelf<T> => ({
  ...catalogueShelf([c]),
  pinned: true,
});

export const CATALOGUES: CatalogueShelf = catalogueShelf([CATALOGUE_2026_1, CATALOGUE_2026_2]);

/** The requests catalogue (故障报修, 信息订阅, 咨询) by hall date, on the same dates. */
export const REQUEST_CATALOGUES: RequestShelf = catalogueShelf([REQUESTS_2026_1, REQUESTS_2026_2]);

/**
 * The requests versions that go with a shelf of application versions (same version names), so
 * a station pinned to one version, or a test shelf of one, takes requests under that version too.
 */
export function requestsAlong(shelf: CatalogueShelf): RequestShelf {
  const matching = shelf.versions.flatMap((c) => REQUEST_CATALOGUES.byVersion(c.version) ?? []);
  if (matching.length === 0) return REQUEST_CATALOGUES;
  const requests = catalogueShelf(matching);
  return shelf.pinned ? { ...requests, pinned: true } : requests;
}

/**
 * A business type as a screen or report names it: from the version given (an application's
 * own catalogue_version) or else the one in force at `at`; a code that version lacks (an
 * application accepted under another version) is looked up in the others, newest first.
 */
export function typeIn(
  shelf: CatalogueShelf,
  code: string,
  where: { version?: string | null; at: Date | number },
): BusinessType | undefined {
  const first =
    (where.version ? shelf.byVersion(where.version) : undefined) ?? shelf.inForce(where.at);
  const found = first.types.find((t) => t.code === code);
  if (found) return found;
  for (const c of [...shelf.versions].reverse()) {
    const type = c.types.find((t) => t.code === code);
    if (type) return type;
  }
  return undefined;
}
