import { defineStore } from 'pinia';
import type { Bootstrap } from '../../../shared/api/methods/app';
import { call } from '../api/client';
import { takeEarlyBootstrap } from '../api/early-bootstrap';

/**
 * The renderer's one start-up call (`app.bootstrap`): station config, session, station info
 * with the catalogue version, and the sync status for roles that may see it. The router's
 * first guard and App.vue share the same answer; later reads go to each part's own method.
 */
export const useBootstrapStore = defineStore('bootstrap', () => {
  let loading: Promise<Bootstrap> | null = null;

  function load(): Promise<Bootstrap> {
    if (!loading) {
      loading = takeEarlyBootstrap() ?? call('app.bootstrap', {});
      // A service not up yet: the next caller asks again.
      loading.catch(() => (loading = null));
    }
    return loading;
  }

  return { load };
});
