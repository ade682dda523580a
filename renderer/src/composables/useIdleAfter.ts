import { useIdle, type UseIdleOptions } from '@vueuse/core';
import {
  effectScope,
  onScopeDispose,
  readonly,
  ref,
  toValue,
  watch,
  type EffectScope,
  type MaybeRefOrGetter,
} from 'vue';

/**
 * vueuse's useIdle for a timeout that arrives or changes later (the station's settings, the
 * signed-in staff's lock minutes) or is off (null). Each new timeout starts a fresh watch, so
 * the idle time counts from that moment.
 */
export function useIdleAfter(
  timeoutMs: MaybeRefOrGetter<number | null>,
  options: UseIdleOptions = {},
) {
  const idle = ref(false);
  let scope: EffectScope | undefined;
  let watcher: ReturnType<typeof useIdle> | undefined;

  function stop(): void {
    // useIdle leaves its timer behind when its scope ends: clear it first.
    watcher?.stop();
    scope?.stop();
    scope = undefined;
    watcher = undefined;
    idle.value = false;
  }

  watch(
    () => toValue(timeoutMs),
    (ms) => {
      stop();
      if (ms === null) return;
      scope = effectScope(true);
      scope.run(() => {
        const w = useIdle(ms, options);
        watcher = w;
        watch(w.idle, (value) => (idle.value = value), { flush: 'sync' });
      });
    },
    { immediate: true, flush: 'sync' },
  );
  onScopeDispose(stop);

  /** Counts as activity: idle again only after the full timeout. */
  const reset = () => watcher?.reset();
  return { idle: readonly(idle), reset };
}
