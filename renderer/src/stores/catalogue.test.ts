// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import { CATALOGUE } from '../../../shared/catalogue';
import { CATALOGUE_CACHE_KEY, useCatalogueStore } from './catalogue';

/** The services' catalogue: a version the bundle does not have, with one type less. */
const SERVED = { ...CATALOGUE, version: 'province-2027.1', types: CATALOGUE.types.slice(1) };

function fakeServices() {
  const calls: string[] = [];
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = {
    invoke: async (method: string) => {
      calls.push(method);
      return method === 'catalogue.get'
        ? { ok: true, value: SERVED }
        : { ok: false, error: { code: 'NOT_FOUND', message: '无', messageEn: 'none' } };
    },
  };
  return calls;
}

beforeEach(() => {
  setActivePinia(createPinia());
  localStorage.clear();
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
});

describe('catalogue cached by version', () => {
  it('asks nothing when the version in force is the bundled one', async () => {
    const calls = fakeServices();
    const store = useCatalogueStore();
    await store.useVersion(CATALOGUE.version);
    expect(calls).toEqual([]);
    expect(store.catalogue.version).toBe(CATALOGUE.version);
    expect(store.loaded).toBe(true);
  });

  it('fetches a new version once, then serves it from the cache on the next start', async () => {
    const calls = fakeServices();
    await useCatalogueStore().useVersion(SERVED.version);
    expect(calls).toEqual(['catalogue.get']);
    expect(JSON.parse(localStorage.getItem(CATALOGUE_CACHE_KEY) ?? '{}').version).toBe(
      SERVED.version,
    );

    // The next start (a fresh store): same version, no request, the served types.
    setActivePinia(createPinia());
    const next = useCatalogueStore();
    await next.useVersion(SERVED.version);
    expect(calls).toEqual(['catalogue.get']);
    expect(next.catalogue.version).toBe(SERVED.version);
    expect(next.catalogue.types).toHaveLength(SERVED.types.length);

    // A version neither copy has is fetched again.
    setActivePinia(createPinia());
    await useCatalogueStore().useVersion('province-2027.2');
    expect(calls).toEqual(['catalogue.get', 'catalogue.get']);
  });
});
