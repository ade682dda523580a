import { ref, type ComputedRef } from 'vue';

/**
 * The submit of a staff secret form: a field's problem shows only once the user has tried to
 * send, nothing is sent while a field has a problem or a send is in flight, and a refusal is
 * kept for the form's alert (never thrown on).
 */
export function useCheckedSubmit<K extends string>(problems: ComputedRef<Record<K, string>>) {
  const error = ref<unknown>(null);
  const busy = ref(false);
  const tried = ref(false);

  /** The problem to show beside a field (none before the first try). */
  const shown = (field: K): string => (tried.value ? problems.value[field] : '');

  async function run(
    action: () => Promise<void>,
    after: { failed?: () => void; settled?: () => void } = {},
  ): Promise<void> {
    tried.value = true;
    if (Object.values<string>(problems.value).some(Boolean) || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await action();
    } catch (err) {
      error.value = err;
      after.failed?.();
    } finally {
      after.settled?.();
      busy.value = false;
    }
  }

  /** Back to untried, with no error (a dialog that closes). */
  function clear(): void {
    tried.value = false;
    error.value = null;
  }

  return { error, busy, shown, run, clear };
}
