import type { Catalogue } from '../../../../shared/catalogue/types';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';

/**
 * The catalogue an application is read against: the version it was saved or accepted under
 * (catalogue_version), so a receipt, a correction or a detail uses the figures in force when it
 * was accepted. A row naming a version this build no longer ships falls back to the one in
 * force when the row was written.
 */
export function catalogueOfRow(
  shelf: CatalogueShelf,
  row: { catalogue_version: string; accepted_at: number | null; updated_at: number },
): Catalogue {
  return shelf.byVersion(row.catalogue_version) ?? shelf.inForce(row.accepted_at ?? row.updated_at);
}
