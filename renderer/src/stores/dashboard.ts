import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { MethodOutput } from '../../../shared/api/contract';
import type { Dashboard, ExportInput } from '../../../shared/api/methods/dashboard';
import type { RepeatRow } from '../../../shared/api/methods/complaints';
import { addCalendarDays, hallDate } from '../../../shared/deadline';
import { call } from '../api/client';

export type QueueMeasures = MethodOutput<'queue.measures'>;
export type SyncStatus = MethodOutput<'sync.status'>;

/** Turns a base64 file from the services into a download (Blob + object URL). */
export function downloadFile(file: { filename: string; mimeType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The supervisor's dashboard: figures from the local store (dashboard.get), queue waits and
 * ratings from the queue service, sync health and repeat contacts. Each part fails on its own:
 * no queue service means a "no data yet" panel, never made-up numbers.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const today = hallDate(new Date());
  const range = ref<[string, string]>([addCalendarDays(today, -29), today]);
  const figures = shallowRef<Dashboard | null>(null);
  const queue = shallowRef<QueueMeasures | null>(null);
  const sync = shallowRef<SyncStatus | null>(null);
  const repeats = shallowRef<RepeatRow[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const queueError = ref<unknown>(null);

  async function refresh(): Promise<void> {
    loading.value = true;
    const [from, to] = range.value;
    const [f, q, s, r] = await Promise.allSettled([
      call('dashboard.get', { from, to }),
      call('queue.measures', { from, to }),
      call('sync.status', {}),
      call('repeats.list', { level: 'orange' }),
    ]);
    figures.value = f.status === 'fulfilled' ? f.value : null;
    error.value = f.status === 'rejected' ? f.reason : null;
    queue.value = q.status === 'fulfilled' ? q.value : null;
    queueError.value = q.status === 'rejected' ? q.reason : null;
    sync.value = s.status === 'fulfilled' ? s.value : null;
    repeats.value = r.status === 'fulfilled' ? r.value : [];
    loading.value = false;
  }

  async function exportReport(input: ExportInput) {
    const file = await call('reports.export', input);
    downloadFile(file);
    return file;
  }

  return {
    range,
    figures,
    queue,
    sync,
    repeats,
    loading,
    error,
    queueError,
    refresh,
    exportReport,
  };
});
