import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { CATALOGUES, typeIn } from '../../../shared/catalogue/versions';
import { hallDayStart } from '../../../shared/hall-time';
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

/** Browsers cap a timer at 2³¹−1 ms (about 24.8 days): a later switch is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A second after hall midnight, so the services' clock is past it too. */
const AFTER_MIDNIGHT_MS = 1000;

/**
 * The business catalogue the form is built from. Starts with the bundled version so the
 * counter can work at once; the service decides which version (and which provincial changes)
 * is in force. The start-up call says that version: a bundled one (every version this build
 * ships) or the copy kept from an earlier start serves it without a request, and only a version
 * not seen yet is fetched, by its name. When the services say the next version's date, the
 * store switches at that hall midnight without a restart; a draft or submit answered under
 * another version switches it too (the browser's clock may differ from the services').
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  // Until the services answer: the bundled version in force at the browser's hall date.
  const catalogue = shallowRef<Catalogue>(CATALOGUES.inForce(Date.now()));
  const loaded = ref(false);

  const byCode = computed(() => new Map(catalogue.value.types.map((t) => [t.code, t])));

  const families = computed(() =>
    FAMILY_ORDER.map((family) => ({
      family,
      types: catalogue.value.types.filter((t) => t.family === family),
    })).filter((g) => g.types.length > 0),
  );

  /**
   * A type of the version in force; a row that names an application gives its own version
   * (catalogueVersion), and a code the version lacks is named from the other shipped versions.
   */
  function findType(
    code: string | null | undefined,
    version?: string | null,
  ): BusinessType | undefined {
    if (!code) return undefined;
    const own =
      version && version !== catalogue.value.version ? CATALOGUES.byVersion(version) : undefined;
    if (own) return own.types.find((t) => t.code === code) ?? byCode.value.get(code);
    return (
      byCode.value.get(code) ??
      typeIn(CATALOGUES, code, { version: catalogue.value.version, at: Date.now() })
    );
  }

  async function load(version?: string): Promise<void> {
    try {
      catalogue.value = await call('catalogue.get', version === undefined ? {} : { version });
      keep(catalogue.value);
      loaded.value = true;
    } catch {
      // Keep the bundled catalogue; the service re-checks everything on save anyway.
    }
  }

  /** The version in force (from `app.bootstrap`): fetched only when neither copy has it. */
  async function useVersion(version: string | undefined): Promise<void> {
    if (version === undefined) return load();
    const known =
      catalogue.value.version === version
        ? catalogue.value
        : (CATALOGUES.byVersion(version) ?? cached(version));
    if (!known) return load(version);
    catalogue.value = known;
    loaded.value = true;
  }

  const changesOn = ref<string | null>(null);
  let switchTimer: ReturnType<typeof setTimeout> | undefined;

  /** Asks the services which version is in force now (after the scheduled switch). */
  async function recheck(): Promise<void> {
    try {
      const info = await call('system.info', {});
      await useVersion(info.catalogueVersion);
      // The same date again: the services' clock is behind; a later answer switches the store.
      if (info.catalogueChangesOn !== changesOn.value) follow(info);
    } catch {
      // Services unreachable: the next draft or submit answer says the version.
    }
  }

  /** Follows `system.info`: the version in force now, and a one-shot switch at the next. */
  function follow(info: { catalogueChangesOn?: string | null } | null | undefined): void {
    clearTimeout(switchTimer);
    switchTimer = undefined;
    changesOn.value = info?.catalogueChangesOn ?? null;
    if (changesOn.value === null) return;
    const wait = hallDayStart(changesOn.value) + AFTER_MIDNIGHT_MS - Date.now();
    const date = changesOn.value;
    switchTimer =
      wait > MAX_TIMER_MS
        ? setTimeout(() => follow({ catalogueChangesOn: date }), MAX_TIMER_MS)
        : setTimeout(() => void recheck(), Math.max(0, wait));
  }

  return { catalogue, loaded, changesOn, families, findType, load, useVersion, follow };
});
