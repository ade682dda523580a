import { hallDate } from '../hall-time';
import { CATALOGUE_2026_1 } from './data/catalogue-2026.1';
import { CATALOGUE_2026_2 } from './data/catalogue-2026.2';
import type { Catalogue } from './types';

/**
 * The catalogue versions this build ships, and which one is in force on a hall date. A version
 * applies from its effectiveFrom (hall time, 00:00) until the next one's: the switch at midnight
 * needs no restart because every caller asks with the time of its own action. An application
 * keeps the version it was accepted under (catalogue_version) and is read back against it.
 */
export interface CatalogueShelf {
  /** Every version, oldest first. */
  readonly versions: readonly Catalogue[];
  /** The version in force on the hall date of `at`. */
  inForce(at: Date | number): Catalogue;
  /** The version in force on a hall date ('YYYY-MM-DD'). */
  onDate(date: string): Catalogue;
  /** A version by its name; undefined when this build doesn't ship it. */
  byVersion(version: string): Catalogue | undefined;
  /** The version that follows the one in force at `at`, if one is scheduled. */
  next(at: Date | number): Catalogue | undefined;
}

export function catalogueShelf(versions: readonly Catalogue[]): CatalogueShelf {
  if (versions.length === 0) throw new Error('catalogueShelf: no catalogue version');
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const first = sorted[0] as Catalogue;
  const onDate = (date: string): Catalogue =>
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
export const singleCatalogue = (c: Catalogue): CatalogueShelf => catalogueShelf([c]);

export const CATALOGUES: CatalogueShelf = catalogueShelf([CATALOGUE_2026_1, CATALOGUE_2026_2]);
