import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodOutput } from '../../../shared/api/contract';
import { call } from '../api/client';

export type SystemInfo = MethodOutput<'system.info'>;

/** Hall name, versions and transport, shown in the header and on receipts. */
export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null);
  const error = ref<unknown>(null);

  async function load(): Promise<void> {
    try {
      info.value = await call('system.info', {});
      error.value = null;
    } catch (err) {
      error.value = err;
    }
  }

  return { info, error, load };
});
