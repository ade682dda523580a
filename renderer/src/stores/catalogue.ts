import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { CATALOGUE } from '../../../shared/catalogue';
import type { BusinessFamily, BusinessType, Catalogue } from '../../../shared/catalogue/types';
import { call } from '../api/client';

const FAMILY_ORDER: BusinessFamily[] = ['new', 'increase', 'change'];

/** Case-insensitive match on the Chinese name, the English name or the code. */
export function matchesType(type: BusinessType, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return (
    type.code.toLowerCase().includes(q) ||
    type.name.zh.includes(q) ||
    type.name.en.toLowerCase().includes(q)
  );
}

/**
 * The business catalogue the form is built from. Starts with the bundled version so the
 * counter can work at once, then takes the service's copy: the service decides which version
 * (and which provincial changes) is in force.
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const catalogue = shallowRef<Catalogue>(CATALOGUE);
  const loaded = ref(false);

  const byCode = computed(() => new Map(catalogue.value.types.map((t) => [t.code, t])));

  const families = computed(() =>
    FAMILY_ORDER.map((family) => ({
      family,
      types: catalogue.value.types.filter((t) => t.family === family),
    })).filter((g) => g.types.length > 0),
  );

  function findType(code: string | null | undefined): BusinessType | undefined {
    return code ? byCode.value.get(code) : undefined;
  }

  async function load(): Promise<void> {
    try {
      catalogue.value = await call('catalogue.get', {});
      loaded.value = true;
    } catch {
      // Keep the bundled catalogue; the service re-checks everything on save anyway.
    }
  }

  return { catalogue, loaded, families, findType, load };
});
