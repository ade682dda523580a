import { useEventListener } from '@vueuse/core';

/** What a key does on the calling panel; labels are `calling.keys.<id>`. */
export type CallingKeyId =
  'help' | 'callNext' | 'recall' | 'serve' | 'noShow' | 'finish' | 'take' | 'undo';

/**
 * The panel's keys. F5 (reload), F6/F7 (browser address bar, caret browsing), F10 (menu), F11
 * (full screen) and F12 (developer tools) are left alone for the browser and Electron.
 */
export const CALLING_KEYS: readonly { id: CallingKeyId; keys: string[] }[] = [
  { id: 'help', keys: ['F1', '?'] },
  { id: 'callNext', keys: ['F2'] },
  { id: 'recall', keys: ['F3'] },
  { id: 'serve', keys: ['F4'] },
  { id: 'noShow', keys: ['F8'] },
  { id: 'finish', keys: ['F9'] },
  { id: 'take', keys: ['Alt+N'] },
  { id: 'undo', keys: ['Ctrl+Z'] },
];

/** The application form's keys, listed in the same help. */
export const FORM_KEYS: readonly { id: 'next' | 'submit'; keys: string[] }[] = [
  { id: 'next', keys: ['Enter'] },
  { id: 'submit', keys: ['Ctrl+Enter'] },
];

/** A box that takes typed text (a radio or checkbox does not). */
const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  ((el instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(el.type)) ||
    el.tagName === 'TEXTAREA' ||
    el.isContentEditable);

/** Which key id an event is, if any. Typed characters and Ctrl+Z inside a box stay with the box. */
export function callingKeyOf(e: KeyboardEvent): CallingKeyId | undefined {
  if (/^F\d+$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
    return CALLING_KEYS.find((k) => k.keys.includes(e.key))?.id;
  }
  if (typing(e.target)) return undefined;
  if (e.key === '?' && !e.ctrlKey && !e.altKey) return 'help';
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') return 'undo';
  if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === 'n') return 'take';
  return undefined;
}

/**
 * Listens for the panel's keys while the panel is mounted. `blocked` holds them back while a
 * dialog is open (except help); the handler says whether the key was used.
 */
export function useCallingKeys(handle: (id: CallingKeyId) => void, blocked: () => boolean): void {
  useEventListener(window, 'keydown', (e: KeyboardEvent) => {
    const id = callingKeyOf(e);
    if (!id || e.repeat) return;
    if (blocked() && id !== 'help') return;
    e.preventDefault();
    handle(id);
  });
}
