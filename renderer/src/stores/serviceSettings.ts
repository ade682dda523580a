import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ServiceSettings } from '../../../shared/api/methods/dashboard';
import {
  createCalendar,
  deadlineWarning,
  DEFAULT_CALENDAR,
  DEFAULT_WARNING_THRESHOLDS,
  type DeadlineWarning,
} from '../../../shared/deadline';
import { call } from '../api/client';

/**
 * Warning thresholds and the working calendar (bundled data plus loaded holiday years), so
 * every screen computes 红橙黄 itself from a deadline and the browser's clock, exactly as the
 * services do. Until the settings arrive the defaults apply.
 */
export const useServiceSettingsStore = defineStore('serviceSettings', () => {
  const settings = shallowRef<ServiceSettings | null>(null);
  const error = ref<unknown>(null);
  let pending: Promise<void> | null = null;

  const calendar = computed(() =>
    settings.value?.calendarYears.length
      ? createCalendar(settings.value.calendarYears)
      : DEFAULT_CALENDAR,
  );
  const thresholds = computed(() => settings.value?.warnings ?? DEFAULT_WARNING_THRESHOLDS);

  function load(force = false): Promise<void> {
    if (pending && !force) return pending;
    pending = call('settings.get', {})
      .then((value) => {
        settings.value = value;
        error.value = null;
      })
      .catch((err: unknown) => {
        error.value = err;
        pending = null;
      });
    return pending;
  }

  function apply(value: ServiceSettings): void {
    settings.value = value;
  }

  const warningOf = (deadlineAt: string | null | undefined, now: Date): DeadlineWarning =>
    deadlineAt
      ? deadlineWarning(new Date(deadlineAt), now, {
          thresholds: thresholds.value,
          calendar: calendar.value,
        })
      : 'none';

  return { settings, error, calendar, thresholds, load, apply, warningOf };
});
