import type { Input, WebContents } from 'electron';
import { isBlockedKioskKey } from '../../../shared/queue/kiosk-keys';
import type { WindowKind } from './window-options';

/**
 * Which window a station opens: `--kiosk` / `--display` on the command line, or the station
 * setting HALL_ROLE=kiosk|display (so a hall PC's shortcut needs no flags). Console otherwise.
 */
export function windowKindFrom(argv: readonly string[], env: NodeJS.ProcessEnv): WindowKind {
  if (argv.includes('--kiosk') || env.HALL_ROLE === 'kiosk') return 'kiosk';
  if (argv.includes('--display') || env.HALL_ROLE === 'display') return 'display';
  return 'console';
}

/** The route each kind of window opens on (the renderer keeps kiosk/display there). */
export const startRoute = (kind: WindowKind): string =>
  kind === 'kiosk' ? '#/kiosk' : kind === 'display' ? '#/display' : '#/';

/**
 * Keys refused before the page sees them. Backspace and Escape are left to the page, which
 * knows whether a text field has the focus (there they edit text).
 */
export const blockKioskInput = (
  input: Pick<Input, 'type' | 'key' | 'control' | 'alt' | 'meta' | 'shift'>,
): boolean =>
  input.type === 'keyDown' &&
  isBlockedKioskKey({
    key: input.key,
    ctrl: input.control,
    alt: input.alt,
    meta: input.meta,
    shift: input.shift,
    inEditable: true,
  });

/**
 * The main-process half of the kiosk lockdown (the renderer adds its own): no reload,
 * history, print or devtools keys, no zoom, devtools closed if they ever open. Navigation out
 * and new windows are already refused for every window (harden.ts), and nothing in the app
 * opens links with shell.openExternal; a test checks.
 */
export function lockDownKioskContents(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (blockKioskInput(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  void contents.setVisualZoomLevelLimits(1, 1);
}
