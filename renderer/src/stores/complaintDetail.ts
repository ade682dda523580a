import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ComplaintDetail } from '../../../shared/api/methods/complaints';
import type { VisitResult } from '../../../shared/service-rules/complaints';
import { call } from '../api/client';

/** The steps of a complaint's handling after it is taken. */
export type ComplaintStep = 'dispatch' | 'contact' | 'answer' | 'visit' | 'archive';

/** What the clerk typed for a step: only the step's own field is sent. */
export interface ComplaintStepForm {
  assignee: string;
  note: string;
  answer: string;
  /** Empty until the clerk picks the customer's answer; the visit is not sent without one. */
  result: VisitResult | '';
}

/**
 * One complaint and the steps on it. Each step carries the version it was read at, so a step
 * taken meanwhile on another screen is refused rather than overwritten.
 */
export const useComplaintDetailStore = defineStore('complaintDetail', () => {
  const detail = shallowRef<ComplaintDetail | null>(null);
  const error = ref<unknown>(null);
  const stepError = ref<unknown>(null);
  const busy = ref(false);
  let generation = 0;

  async function load(id: string): Promise<void> {
    const mine = ++generation;
    if (detail.value?.id !== id) detail.value = null;
    error.value = null;
    stepError.value = null;
    try {
      const value = await call('complaints.get', { id });
      if (mine === generation) detail.value = value;
    } catch (err) {
      if (mine !== generation) return;
      detail.value = null;
      error.value = err;
    }
  }

  function send(step: ComplaintStep, d: ComplaintDetail, form: ComplaintStepForm) {
    const base = { id: d.id, version: d.version, ...(form.note.trim() ? { note: form.note } : {}) };
    switch (step) {
      case 'dispatch':
        return call('complaints.dispatch', { ...base, assignee: form.assignee });
      case 'contact':
        return call('complaints.contact', base);
      case 'answer':
        return call('complaints.answer', { ...base, answer: form.answer });
      case 'visit':
        if (!form.result) throw new Error('a visit needs its result');
        return call('complaints.visit', { ...base, result: form.result });
      case 'archive':
        return call('complaints.archive', base);
    }
  }

  /** Takes one step; true when the service accepted it (the detail is then its answer). */
  async function runStep(step: ComplaintStep, form: ComplaintStepForm): Promise<boolean> {
    const d = detail.value;
    if (!d) return false;
    busy.value = true;
    stepError.value = null;
    try {
      detail.value = await send(step, d, form);
      return true;
    } catch (err) {
      stepError.value = err;
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { detail, error, stepError, busy, load, runStep };
});
