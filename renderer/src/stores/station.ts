import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { useBootstrapStore } from './bootstrap';

export type StationState = MethodOutput<'station.config'>;
export type StationSetup = MethodInput<'station.setup'>;

/** The station config: whether the first-start wizard is due, and the supervisor's changes. */
export const useStationStore = defineStore('station', () => {
  const state = ref<StationState | null>(null);
  let loading: Promise<StationState> | null = null;

  /**
   * Loaded once per page from the start-up call (the router's guard waits for it); `force`
   * reads it again with `station.config`.
   */
  function load(force = false): Promise<StationState> {
    if (!loading || force) {
      const read = force
        ? call('station.config', {})
        : useBootstrapStore()
            .load()
            .then((b) => b.station);
      loading = read.then((s) => (state.value = s));
      loading.catch(() => (loading = null));
    }
    return loading;
  }

  async function setup(input: StationSetup): Promise<void> {
    state.value = await call('station.setup', input);
  }

  async function update(input: StationSetup): Promise<void> {
    state.value = await call('station.update', input);
  }

  return { state, load, setup, update };
});
