import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { preloadFirstRoute } from './preload-first-route';

const screen = { render: () => null };

function routerWith(loaders: Record<string, () => Promise<typeof screen>>) {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: screen },
      { path: '/applications', component: loaders.list! },
      { path: '/applications/:id', component: loaders.detail!, props: true },
    ],
  });
}

describe('preloadFirstRoute', () => {
  it('starts loading only the chunk of the screen the address points at', () => {
    const list = vi.fn(() => Promise.resolve(screen));
    const detail = vi.fn(() => Promise.resolve(screen));
    preloadFirstRoute(routerWith({ list, detail }), '/applications/42');
    expect(detail).toHaveBeenCalledTimes(1);
    expect(list).not.toHaveBeenCalled();
  });

  it('leaves a loaded screen alone and swallows a failed load (the router reports it)', async () => {
    const list = vi.fn(() => Promise.reject(new Error('offline')));
    const detail = vi.fn(() => Promise.resolve(screen));
    const router = routerWith({ list, detail });
    expect(() => preloadFirstRoute(router, '/')).not.toThrow();
    preloadFirstRoute(router, '/applications');
    expect(list).toHaveBeenCalledTimes(1);
    await Promise.resolve(); // the rejection is handled: vitest fails on an unhandled one
  });
});
