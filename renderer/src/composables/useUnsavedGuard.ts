import { onScopeDispose } from 'vue';

/**
 * Asks before the page unloads (F5, closing the window) while a form holds input that is not
 * saved: the browser and Electron both honour a cancelled `beforeunload`. The browser shows its
 * own wording; a page may not choose the text.
 */
export function useUnsavedGuard(hasUnsavedInput: () => boolean): void {
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!hasUnsavedInput()) return;
    event.preventDefault();
    // Older Chromium (and Electron's) still look at returnValue.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onScopeDispose(() => window.removeEventListener('beforeunload', onBeforeUnload));
}
