import { useEventListener } from '@vueuse/core';
import { nextTick, watch, type Ref } from 'vue';

/** Inputs Enter steps through: what a clerk types into (text, number, date, select boxes). */
const FIELD_SELECTOR =
  'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([disabled]), textarea:not([disabled])';

const visible = (el: HTMLElement): boolean => el.getClientRects().length > 0;

/** The inputs of `root` in screen order, as Enter visits them. */
export function fieldInputs(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].filter(visible);
}

/** A list or picker is open on this input: its own Enter (pick the option) comes first. */
const popupOpen = (el: HTMLElement): boolean =>
  el.getAttribute('aria-expanded') === 'true' || el.closest('[aria-expanded="true"]') !== null;

export interface FormKeyboardOptions {
  /** Where the fields are. */
  root: Ref<HTMLElement | null | undefined>;
  /** Becomes a new truthy value when the type (and account kind) is chosen: focus goes in. */
  readyKey: () => string | undefined;
  /** Ctrl+Enter (⌘+Enter) anywhere on the page. */
  onSubmit: () => void;
}

/**
 * The counter's keyboard on the application form: once the business type is chosen the first
 * field has the focus; Enter moves to the next field (a textarea keeps Enter for new lines,
 * and an open list or picker keeps it to pick); Ctrl+Enter submits.
 */
export function useFormKeyboard(opts: FormKeyboardOptions): void {
  watch(
    opts.readyKey,
    async (key, before) => {
      if (!key || key === before) return;
      await nextTick();
      const root = opts.root.value;
      if (root) fieldInputs(root)[0]?.focus();
    },
    { flush: 'post' },
  );

  useEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        opts.onSubmit();
        return;
      }
      if (e.altKey || e.shiftKey) return;
      const root = opts.root.value;
      const target = e.target as HTMLElement | null;
      if (!root || !target || !root.contains(target)) return;
      if (target.tagName === 'TEXTAREA' || target.tagName !== 'INPUT' || popupOpen(target)) return;
      const inputs = fieldInputs(root);
      const next = inputs[inputs.indexOf(target) + 1];
      e.preventDefault();
      e.stopPropagation();
      next?.focus();
    },
    { capture: true },
  );
}
