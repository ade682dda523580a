import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../electron/main/shell/navigation-policy';

const HOSTILE_URLS = [
  'https://evil.example.com/',
  'http://127.0.0.1:5174/',
  'http://localhost/',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://hall/1234',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://evil/index.html',
  'app://hall.evil.com/index.html',
  'app://user:pass@hall/index.html',
  'app://hall@evil.com/',
  'apps://hall/index.html',
  'ftp://hall/',
  'ws://hall/',
  'mailto:a@b.c',
  'tel:10086',
  'sms:10086',
  'vbscript:msgbox(1)',
  'view-source:app://hall/index.html',
  'https://hall/',
  'http://hall/',
  'smb://server/share',
  'ms-settings:',
  'steam://run/1',
  'intent://scan/#Intent;scheme=zxing;end',
  'jar:file:///x.jar!/',
  '//evil.example.com/',
  'APP://HALL.EVIL/',
  'app:/hall/../evil',
  '',
  ' ',
  'not a url',
  'https://xn--80ak6aa92e.com/',
  'https://evil.example.com/app://hall/',
  'http://[::1]/',
  'http://0.0.0.0/',
  'http://169.254.169.254/latest/meta-data',
  'https://www.95598.cn/',
  'file://hall/index.html',
  'chrome-extension://abc/index.html',
  'filesystem:app://hall/temporary/x',
  'app://hall:8080/index.html',
  'app://evil.hall/index.html',
  'app://ha%6cl/index.html',
  'javascript://app://hall/%0aalert(1)',
  'wss://evil.example.com/socket',
  'gopher://evil/',
];

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
