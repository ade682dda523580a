import { createSharedComposable, useEventListener, useIntervalFn } from '@vueuse/core';
import { ref, type Ref } from 'vue';

/** How often deadline texts and warnings re-read the clock. */
export const NOW_TICK_MS = 30_000;

function tickingNow(tickMs: number): Ref<Date> {
  const now = ref(new Date());
  const refresh = () => {
    now.value = new Date();
  };
  useIntervalFn(refresh, tickMs);
  useEventListener(document, 'visibilitychange', refresh);
  return now;
}

// Every deadline cell of a long list reads the same clock: one timer and one listener for all
// of them while any is mounted, instead of one each (a scrolled list mounts dozens a frame).
const sharedNow = createSharedComposable(() => tickingNow(NOW_TICK_MS));

/**
 * The browser's clock as a reactive value, re-read every NOW_TICK_MS (and when the tab comes
 * back into view), so "剩2小时" and the 红橙黄 warnings move on while a screen stays open.
 * Callers at the default tick share one clock; another tick gets its own.
 */
export function useNow(tickMs = NOW_TICK_MS): Ref<Date> {
  return tickMs === NOW_TICK_MS ? sharedNow() : tickingNow(tickMs);
}
