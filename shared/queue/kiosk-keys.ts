/**
 * Keys an unattended kiosk must swallow: reload, history, printing, saving, opening things,
 * devtools, zoom and full-screen toggles. Used by the renderer's keydown guard and by the
 * Electron main process (before-input-event), so both refuse the same list.
 */
export interface KeyPress {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
  /** The focus is in a text input or textarea, where Backspace edits text. */
  inEditable: boolean;
}

const FUNCTION_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12']);
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'ContextMenu',
]);
/** With Ctrl (or Cmd): reload, print, save, open, new window/tab, find, history, view source... */
const CTRL_LETTERS = new Set([
  'r',
  'p',
  's',
  'o',
  'n',
  't',
  'w',
  'f',
  'g',
  'h',
  'j',
  'l',
  'u',
  'd',
  'e',
  'k',
  'q',
]);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);

export function isBlockedKioskKey(k: KeyPress): boolean {
  if (FUNCTION_KEYS.has(k.key) || BROWSER_KEYS.has(k.key)) return true;
  const mod = k.ctrl || k.meta;
  if (mod && CTRL_LETTERS.has(k.key.toLowerCase())) return true;
  if (mod && ZOOM_KEYS.has(k.key)) return true;
  if (mod && k.shift && ['i', 'j', 'c', 'delete'].includes(k.key.toLowerCase())) return true;
  if (mod && k.key === 'Tab') return true;
  // Alt+Left / Alt+Right / Alt+Home walk the history or leave the app.
  if (k.alt && ['ArrowLeft', 'ArrowRight', 'Home', 'F4'].includes(k.key)) return true;
  // Backspace outside a text field used to mean "back".
  if (k.key === 'Backspace' && !k.inEditable) return true;
  if (k.key === 'Escape' && !k.inEditable) return true;
  return false;
}
