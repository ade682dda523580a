import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { BackupList } from '../../../shared/api/methods/operations';
import { call } from '../api/client';
import { downloadFile } from './dashboard';

/** The supervisor's operations page: export diagnostics, list, make and restore backups. */
export const useOperationsStore = defineStore('operations', () => {
  const list = ref<BackupList | null>(null);
  const error = ref<unknown>(null);
  const busy = ref(false);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    try {
      const value = await action();
      error.value = null;
      return value;
    } catch (err) {
      error.value = err;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  const load = () =>
    run(async () => {
      list.value = await call('backups.list', {});
    });

  /** Downloads the bundle; returns its size in bytes (undefined when it failed). */
  const exportDiagnostics = () =>
    run(async () => {
      const file = await call('system.diagnostics', {});
      downloadFile(file);
      return file.bytes;
    });

  const backupNow = () =>
    run(async () => {
      const made = await call('backups.create', {});
      list.value = await call('backups.list', {});
      return made.file;
    });

  const restore = (file: string) =>
    run(async () => {
      list.value = await call('backups.restore', { file });
      return true;
    });

  const cancelRestore = () =>
    run(async () => {
      list.value = await call('backups.cancelRestore', {});
      return true;
    });

  return { list, error, busy, load, exportDiagnostics, backupNow, restore, cancelRestore };
});
