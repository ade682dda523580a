import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { CATALOGUE } from '../../../shared/catalogue';
import type { BusinessFamily, BusinessType, Catalogue } from '../../../shared/catalogue/types';
import { call } from '../api/client';

/** Where the services' catalogue is kept between starts, one version at a time. */
export const CATALOGUE_CACHE_KEY = 'hall.catalogue';

function cached(version: string): Catalogue | null {
  try {
    const raw = localStorage.getItem(CATALOGUE_CACHE_KEY);
    const value = raw ? (JSON.parse(raw) as Catalogue) : null;
    return value?.version === version && Array.isArray(value.types) ? value : null;
  } catch {
    return null; // unreadable or blocked storage: ask the services
  }
}

function keep(value: Catalogue): void {
  try {
    localStorage.setItem(CATALOGUE_CACHE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the next start asks the services again.
  }
}

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
 * counter can work at once; the service decides which version (and which provincial changes)
 * is in force. The start-up call says that version: the bundled one or the copy kept from an
 * earlier start serves it without a request, and only a version not seen yet is fetched.
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
      keep(catalogue.value);
      loaded.value = true;
    } catch {
      // Keep the bundled catalogue; the service re-checks everything on save anyway.
    }
  }

  /** The version in force (from `app.bootstrap`): fetched only when neither copy has it. */
  async function useVersion(version: string | undefined): Promise<void> {
    if (version === undefined) return load();
    const known = catalogue.value.version === version ? catalogue.value : cached(version);
    if (!known) return load();
    catalogue.value = known;
    loaded.value = true;
  }

  return { catalogue, loaded, families, findType, load, useVersion };
});
