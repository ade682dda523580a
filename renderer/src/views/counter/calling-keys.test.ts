// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { callingKeyOf } from './calling-keys';
import { minutesWaited } from './wait-time';

/** A keydown as the browser would send it, from `target` (the page body by default). */
function key(init: KeyboardEventInit, target: HTMLElement = document.body): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, ...init });
  Object.defineProperty(e, 'target', { value: target });
  return e;
}

describe('calling panel keys', () => {
  it('maps the F-keys and leaves the browser’s own alone', () => {
    expect(callingKeyOf(key({ key: 'F1' }))).toBe('help');
    expect(callingKeyOf(key({ key: 'F2' }))).toBe('callNext');
    expect(callingKeyOf(key({ key: 'F3' }))).toBe('recall');
    expect(callingKeyOf(key({ key: 'F4' }))).toBe('serve');
    expect(callingKeyOf(key({ key: 'F8' }))).toBe('noShow');
    expect(callingKeyOf(key({ key: 'F9' }))).toBe('finish');
    for (const browserKey of ['F5', 'F6', 'F7', 'F10', 'F11', 'F12']) {
      expect(callingKeyOf(key({ key: browserKey }))).toBeUndefined();
    }
    // With a modifier an F-key is someone else's (Alt+F4 closes the window).
    expect(callingKeyOf(key({ key: 'F4', altKey: true }))).toBeUndefined();
  });

  it('F-keys work from a text box; ?, Ctrl+Z and Alt+N stay with the box', () => {
    const input = document.createElement('input');
    expect(callingKeyOf(key({ key: 'F2' }, input))).toBe('callNext');
    expect(callingKeyOf(key({ key: '?' }, input))).toBeUndefined();
    expect(callingKeyOf(key({ key: 'z', ctrlKey: true }, input))).toBeUndefined();
    expect(callingKeyOf(key({ key: 'n', altKey: true }, input))).toBeUndefined();
    expect(callingKeyOf(key({ key: '?' }))).toBe('help');
    expect(callingKeyOf(key({ key: 'z', ctrlKey: true }))).toBe('undo');
    expect(callingKeyOf(key({ key: 'N', altKey: true }))).toBe('take');
    // A radio button (the language switch) takes no typing: ? still opens the help.
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(callingKeyOf(key({ key: '?' }, radio))).toBe('help');
  });
});

describe('wait minutes', () => {
  it('counts whole minutes since the ticket was taken, never below zero', () => {
    const issued = '2026-03-02T09:00:00+08:00';
    expect(minutesWaited(issued, new Date('2026-03-02T01:00:59Z'))).toBe(0);
    expect(minutesWaited(issued, new Date('2026-03-02T01:16:00Z'))).toBe(16);
    expect(minutesWaited(issued, new Date('2026-03-02T00:59:00Z'))).toBe(0);
  });
});
