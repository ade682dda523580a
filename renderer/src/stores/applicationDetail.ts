import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApplicationServiceInfo } from '../../../shared/api/methods/dashboard';
import type { ApplicationDetail, Receipt } from '../../../shared/api/schemas';
import { call } from '../api/client';

/**
 * One application as its detail page shows it (masked values), plus the reads beside it: its
 * deadlines and repeat contacts, and its receipt. Only the newest load writes the detail.
 */
export const useApplicationDetailStore = defineStore('applicationDetail', () => {
  const detail = shallowRef<ApplicationDetail | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);
  let generation = 0;

  async function load(id: string): Promise<void> {
    const mine = ++generation;
    // Another application's page never shows the previous one while the new one loads.
    if (detail.value?.id !== id) detail.value = null;
    loading.value = true;
    error.value = null;
    try {
      const value = await call('applications.get', { id });
      if (mine === generation) detail.value = value;
    } catch (err) {
      if (mine !== generation) return;
      detail.value = null;
      error.value = err;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Deadlines and repeat contacts; null for a draft or a service that does not know it. */
  async function serviceInfo(id: string): Promise<ApplicationServiceInfo | null> {
    try {
      return await call('applications.serviceInfo', { id });
    } catch {
      return null;
    }
  }

  /** The printable receipt of a submitted application (throws the service's error). */
  function receipt(id: string): Promise<Receipt> {
    return call('applications.receipt', { id });
  }

  return { detail, error, loading, load, serviceInfo, receipt };
});
