import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SensitiveReason, SensitiveRow } from '../../../shared/api/methods/sensitive';
import { call } from '../api/client';

/**
 * Sensitive work orders (敏感工单): the supervisor's ranked list, and the flag the guide and the
 * counter see for the customer at their desk (the services give them nothing more).
 */
export const useSensitiveStore = defineStore('sensitive', () => {
  const rows = ref<SensitiveRow[]>([]);
  const windowDays = ref(0);
  const repeatAt = ref(0);
  const loaded = ref(false);

  async function refresh(): Promise<void> {
    const out = await call('sensitive.list', {});
    rows.value = out.rows;
    windowDays.value = out.windowDays;
    repeatAt.value = out.repeatAt;
    loaded.value = true;
  }

  /** Confirms the suggested 敏感客户 tag with the list's reasons as its recorded reason. */
  async function confirmTag(customerId: string, reason: string): Promise<void> {
    await call('customers.setTag', { customerId, tag: 'sensitive', reason });
    await refresh();
  }

  const flagOf = async (customerId: string): Promise<SensitiveReason[]> =>
    (await call('sensitive.flag', { customerId })).reasons;

  return { rows, windowDays, repeatAt, loaded, refresh, confirmTag, flagOf };
});
