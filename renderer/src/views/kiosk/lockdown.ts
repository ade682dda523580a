import { onBeforeUnmount, onMounted } from 'vue';
import { isBlockedKioskKey } from '../../../../shared/queue/kiosk-keys';

const editable = (el: EventTarget | null): boolean => {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly;
  if (el instanceof HTMLInputElement) {
    return !el.readOnly && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  }
  return false;
};

/**
 * The kiosk's browser-side lockdown (Electron adds its own in the main process): no reload or
 * history keys, no context menu, no dragging things in or out, no zoom, no links out.
 */
export function useKioskLockdown(): void {
  const onKey = (e: KeyboardEvent) => {
    const blocked = isBlockedKioskKey({
      key: e.key,
      ctrl: e.ctrlKey,
      alt: e.altKey,
      meta: e.metaKey,
      shift: e.shiftKey,
      inEditable: editable(e.target),
    });
    if (blocked) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const prevent = (e: Event) => e.preventDefault();
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    const link = (e.target as Element | null)?.closest?.('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    // Only the app's own hash routes; anything else would leave the kiosk.
    if (!href.startsWith('#/kiosk')) e.preventDefault();
  };
  const onAux = (e: MouseEvent) => {
    if (e.button !== 0) e.preventDefault();
  };

  onMounted(() => {
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('contextmenu', prevent, { capture: true });
    window.addEventListener('dragstart', prevent, { capture: true });
    window.addEventListener('drop', prevent, { capture: true });
    window.addEventListener('dragover', prevent, { capture: true });
    window.addEventListener('wheel', onWheel, { capture: true, passive: false });
    window.addEventListener('click', onClick, { capture: true });
    window.addEventListener('auxclick', onAux, { capture: true });
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey, { capture: true });
    window.removeEventListener('contextmenu', prevent, { capture: true });
    window.removeEventListener('dragstart', prevent, { capture: true });
    window.removeEventListener('drop', prevent, { capture: true });
    window.removeEventListener('dragover', prevent, { capture: true });
    window.removeEventListener('wheel', onWheel, { capture: true });
    window.removeEventListener('click', onClick, { capture: true });
    window.removeEventListener('auxclick', onAux, { capture: true });
  });
}
