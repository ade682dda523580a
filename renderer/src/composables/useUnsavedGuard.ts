import { onScopeDispose } from 'vue';

/** The guards of the forms open now: signing out asks while any of them holds unsaved input. */
const openGuards = new Set<() => boolean>();

/** True while some open guarded form holds input that is not saved. */
export const anyUnsavedInput = (): boolean => [...openGuards].some((dirty) => dirty());

/**
 * Asks before the page unloads (F5, closing the window) while a form holds input that is not
 * saved: the browser and Electron both honour a cancelled `beforeunload`. The browser shows its
 * own wording; a page may not choose the text. Signing out asks too (anyUnsavedInput).
 */
export function useUnsavedGuard(hasUnsavedInput: () => boolean): void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!hasUnsavedInput()) return;
    event.preventDefault();
    // Older Chromium (and Electron's) still look at returnValue.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  openGuards.add(hasUnsavedInput);
  onScopeDispose(() => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    openGuards.delete(hasUnsavedInput);
  });
}
