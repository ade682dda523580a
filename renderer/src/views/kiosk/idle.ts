import { computed, onBeforeUnmount, onMounted, ref } from 'vue';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

/**
 * Idle watch for the kiosk: after `idleSeconds()` without a touch a countdown of
 * `countdownSeconds()` starts (shown to the customer); any touch cancels it; at zero `onExpire`
 * runs. Timers and Date.now only, so a test clock drives it.
 */
export function useIdleCountdown(opts: {
  idleSeconds: () => number;
  countdownSeconds: () => number;
  onExpire: () => void;
}) {
  const now = ref(Date.now());
  const lastActivity = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  const idleMs = computed(() => now.value - lastActivity.value);
  const counting = computed(() => idleMs.value >= opts.idleSeconds() * 1000);
  const remaining = computed(() =>
    Math.max(0, Math.ceil(opts.countdownSeconds() - (idleMs.value / 1000 - opts.idleSeconds()))),
  );

  const touch = () => {
    lastActivity.value = Date.now();
    now.value = lastActivity.value;
  };

  function tick(): void {
    now.value = Date.now();
    if (counting.value && remaining.value <= 0) {
      opts.onExpire();
      touch();
    }
  }

  onMounted(() => {
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true });
    timer = setInterval(tick, 500);
  });
  onBeforeUnmount(() => {
    for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    clearInterval(timer);
  });

  return { counting, remaining, touch };
}
