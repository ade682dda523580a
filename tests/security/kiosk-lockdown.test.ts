import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockKioskInput,
  startRoute,
  windowKindFrom,
} from '../../electron/main/shell/kiosk-lockdown';
import { createWindowOptions } from '../../electron/main/shell/window-options';
import { isBlockedKioskKey, type KeyPress } from '../../shared/queue/kiosk-keys';

const ROOT = resolve(import.meta.dirname, '../..');
const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  ctrl: false,
  alt: false,
  meta: false,
  shift: false,
  inEditable: false,
  ...mods,
});
const input = (k: string, mods: { control?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
  type: 'keyDown' as const,
  key: k,
  control: mods.control ?? false,
  alt: mods.alt ?? false,
  meta: false,
  shift: mods.shift ?? false,
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|vue|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('kiosk lockdown', () => {
  it('kiosk mode starts with --kiosk or the station setting HALL_ROLE=kiosk', () => {
    expect(windowKindFrom(['electron', '.', '--kiosk'], {})).toBe('kiosk');
    expect(windowKindFrom(['electron', '.'], { HALL_ROLE: 'kiosk' })).toBe('kiosk');
    expect(windowKindFrom(['electron', '.', '--display'], {})).toBe('display');
    expect(windowKindFrom(['electron', '.'], { HALL_ROLE: 'display' })).toBe('display');
    expect(windowKindFrom(['electron', '.'], {})).toBe('console');
    expect(startRoute('kiosk')).toBe('#/kiosk');
    expect(startRoute('display')).toBe('#/display');
  });

  it('the kiosk window is full screen, frameless, unclosable, without devtools; the display may speak unprompted', () => {
    const kiosk = createWindowOptions('kiosk', '/p.cjs', false);
    expect(kiosk).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false });
    expect(kiosk.webPreferences?.devTools).toBe(false);
    expect(createWindowOptions('display', '/p.cjs', false).webPreferences?.autoplayPolicy).toBe(
      'no-user-gesture-required',
    );
    expect(
      createWindowOptions('kiosk', '/p.cjs', false).webPreferences?.autoplayPolicy,
    ).toBeUndefined();
  });

  it('refuses reload, history, print, save, devtools, zoom and window keys in the main process', () => {
    for (const [k, mods] of [
      ['F5', {}],
      ['r', { control: true }],
      ['R', { control: true, shift: true }],
      ['ArrowLeft', { alt: true }],
      ['ArrowRight', { alt: true }],
      ['p', { control: true }],
      ['s', { control: true }],
      ['w', { control: true }],
      ['n', { control: true }],
      ['I', { control: true, shift: true }],
      ['F12', {}],
      ['F11', {}],
      ['=', { control: true }],
      ['-', { control: true }],
      ['F4', { alt: true }],
    ] as const) {
      expect(blockKioskInput(input(k, mods)), `${k} ${JSON.stringify(mods)}`).toBe(true);
    }
    // Typing goes through; so do Backspace and Escape, which the page decides on (fields).
    for (const k of ['a', '1', 'Enter', 'Tab', 'Backspace', 'Escape', 'ArrowLeft']) {
      expect(blockKioskInput(input(k)), k).toBe(false);
    }
    expect(blockKioskInput({ ...input('F5'), type: 'keyUp' })).toBe(false);
  });

  it('in the page, Backspace and Escape are refused outside text fields only', () => {
    expect(isBlockedKioskKey(key('Backspace'))).toBe(true);
    expect(isBlockedKioskKey(key('Backspace', { inEditable: true }))).toBe(false);
    expect(isBlockedKioskKey(key('Escape'))).toBe(true);
    expect(isBlockedKioskKey(key('x', { inEditable: true }))).toBe(false);
    expect(isBlockedKioskKey(key('v', { ctrl: true, inEditable: true }))).toBe(false);
    expect(isBlockedKioskKey(key('ContextMenu'))).toBe(true);
  });

  it('nothing in the app opens links outside (no shell.openExternal, no window.open)', () => {
    const files = ['electron', 'renderer/src', 'shared'].flatMap((d) => sources(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /openExternal\s*\(/.test(text) || /window\.open\s*\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
