import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { MethodInput } from '../../../shared/api/contract';
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

  /** Saves the supervisor's warning thresholds; the answer is the settings now in force. */
  async function saveWarnings(input: MethodInput<'settings.setWarnings'>): Promise<void> {
    apply(await call('settings.setWarnings', input));
  }

  /** Loads a year's holiday notice (already checked against CalendarYearSchema). */
  async function loadCalendarYear(year: MethodInput<'settings.loadCalendarYear'>): Promise<void> {
    apply(await call('settings.loadCalendarYear', year));
  }

  /** Adds a rule set version (supervisor; the services log who and when). */
  async function saveRuleSet(set: MethodInput<'settings.saveRuleSet'>): Promise<void> {
    apply(await call('settings.saveRuleSet', set));
  }

  const warningOf = (deadlineAt: string | null | undefined, now: Date): DeadlineWarning =>
    deadlineAt
      ? deadlineWarning(new Date(deadlineAt), now, {
          thresholds: thresholds.value,
          calendar: calendar.value,
        })
      : 'none';

  return {
    settings,
    error,
    calendar,
    thresholds,
    load,
    apply,
    saveWarnings,
    loadCalendarYear,
    saveRuleSet,
    warningOf,
  };
});
