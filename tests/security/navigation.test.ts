import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../electron/main/shell/navigation-policy';
import { HOSTILE_URLS } from './hostile-urls';

describe('navigation, window-open and permission policy', () => {
  it(`refuses ${HOSTILE_URLS.length} hostile URLs`, () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(50);
    for (const url of HOSTILE_URLS) {
      expect(isAllowedNavigation(url), url).toBe(false);
      expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
      expect(isTrustedSender(url, true), url).toBe(false);
    }
  });

  it('allows the app itself', () => {
    expect(isAllowedNavigation('app://hall/index.html')).toBe(true);
    expect(isAllowedNavigation('app://hall/index.html#/applications')).toBe(true);
    expect(isTrustedSender('app://hall/index.html', true)).toBe(true);
  });

  it('answers IPC only from the top frame', () => {
    expect(isTrustedSender('app://hall/index.html', false)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('refuses every permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });
});
