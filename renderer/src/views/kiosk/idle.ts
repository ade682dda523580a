import { bypassFilter, useIntervalFn } from '@vueuse/core';
import { computed, ref, watch } from 'vue';
import { useIdleAfter } from '../../composables/useIdleAfter';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

/**
 * Idle watch for the kiosk: after `idleSeconds()` without a touch a countdown of
 * `countdownSeconds()` starts (shown to the customer); any touch cancels it; at zero `onExpire`
 * runs. The countdown reads Date.now on each tick rather than counting ticks, so a test clock
 * that jumps forward (firing a timer once) still ends it.
 */
export function useIdleCountdown(opts: {
  idleSeconds: () => number;
  countdownSeconds: () => number;
  onExpire: () => void;
}) {
  const { idle, reset } = useIdleAfter(() => opts.idleSeconds() * 1000, {
    events: [...ACTIVITY],
    // Every touch counts at once (no throttling), and coming back to the tab is not a touch.
    eventFilter: bypassFilter,
    listenForVisibilityChange: false,
  });

  const countdownStart = ref(0);
  const now = ref(0);
  const remaining = computed(() =>
    Math.max(0, Math.ceil(opts.countdownSeconds() - (now.value - countdownStart.value) / 1000)),
  );

  const ticker = useIntervalFn(
    () => {
      now.value = Date.now();
      if (remaining.value <= 0) {
        opts.onExpire();
        reset();
      }
    },
    500,
    { immediate: false },
  );

  watch(
    idle,
    (isIdle) => {
      if (isIdle) {
        countdownStart.value = Date.now();
        now.value = countdownStart.value;
        ticker.resume();
      } else {
        ticker.pause();
      }
    },
    { flush: 'sync' },
  );

  const counting = computed(() => idle.value);
  return { counting, remaining, touch: reset };
}
