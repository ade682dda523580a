// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('catalogue versions by hall date', () => {
  /** Services whose clock says 2026.2 is in force; records what was asked, with its input. */
  function servicesAfterSwitch() {
    const calls: string[] = [];
    (globalThis as Record<string, unknown>)[BRIDGE_KEY] = {
      invoke: async (method: string, input: unknown) => {
        calls.push(`${method} ${JSON.stringify(input)}`);
        if (method === 'system.info')
          return { ok: true, value: { catalogueVersion: '2026.2', catalogueChangesOn: null } };
        return { ok: true, value: SERVED };
      },
    };
    return calls;
  }

  it('serves every bundled version without a request, and fetches another by its name', async () => {
    const calls = servicesAfterSwitch();
    const store = useCatalogueStore();
    await store.useVersion('2026.1');
    expect(store.catalogue.version).toBe('2026.1');
    expect(calls).toEqual([]);
    await store.useVersion(SERVED.version);
    expect(calls).toEqual([`catalogue.get {"version":"${SERVED.version}"}`]);
  });

  it('switches at the hall midnight the services named, without a restart', async () => {
    vi.useFakeTimers();
    try {
      // 23:59:30 hall time on 30 November: 2026.1 in force, 2026.2 from 1 December.
      vi.setSystemTime(new Date('2026-11-30T23:59:30+08:00'));
      const calls = servicesAfterSwitch();
      const store = useCatalogueStore();
      await store.useVersion('2026.1');
      store.follow({ catalogueChangesOn: '2026-12-01' });
      await vi.advanceTimersByTimeAsync(29_000);
      expect(store.catalogue.version).toBe('2026.1');
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(calls).toEqual(['system.info {}']);
      expect(store.catalogue.version).toBe('2026.2');
      expect(store.changesOn).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('before the services answer, and rows of another version', () => {
  it('starts with the version in force at the hall date, not the newest bundled one', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-11-30T23:59:00+08:00'));
      setActivePinia(createPinia());
      expect(useCatalogueStore().catalogue.version).toBe('2026.1');
      vi.setSystemTime(new Date('2026-12-01T00:01:00+08:00'));
      setActivePinia(createPinia());
      expect(useCatalogueStore().catalogue.version).toBe('2026.2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('names a type of an application accepted under another version', async () => {
    fakeServices();
    const store = useCatalogueStore();
    await store.useVersion('2026.1');
    // 校表 is a 2026.2 type: the version in force lacks it, the application's own has it.
    expect(store.catalogue.types.some((t) => t.code === 'REQ_METER_TEST')).toBe(false);
    expect(store.findType('REQ_METER_TEST', '2026.2')?.name.zh).toMatch(/^校表/);
    expect(store.findType('REQ_METER_TEST')?.name.zh).toMatch(/^校表/);
    expect(store.findType('NO_SUCH_TYPE', '2026.2')).toBeUndefined();
  });
});
