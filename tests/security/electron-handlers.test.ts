import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IpcMain, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CallContext, Dispatch } from '../../shared/api/dispatcher';
import { API_CHANNEL } from '../../shared/api/channels';
import { hardenContents, hardenSession } from '../../electron/main/shell/harden';
import { bindIpc } from '../../electron/main/shell/ipc';
import { HOSTILE_URLS } from './hostile-urls';

const ROOT = resolve(import.meta.dirname, '../..');
const APP_PAGES = ['app://hall/index.html', 'app://hall/index.html#/applications'];

type Listener = (event: { preventDefault: () => void }, url?: string) => void;

/** Just enough of WebContents to record the handlers hardenContents installs. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, fn: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return contents;
    },
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      openHandler = fn;
    },
  };
  /** Fires an event as Electron would; true when some handler called preventDefault. */
  const fire = (name: string, url?: string): boolean => {
    const preventDefault = vi.fn();
    for (const fn of listeners.get(name) ?? []) fn({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    fire,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('web contents hardening (fed a fake WebContents)', () => {
  it(`prevents navigation and redirects to ${HOSTILE_URLS.length} hostile URLs, not to the app`, () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(50);
    const { contents, fire } = fakeContents();
    hardenContents(contents);
    for (const url of HOSTILE_URLS) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    for (const url of APP_PAGES) {
      expect(fire('will-navigate', url), url).toBe(false);
      expect(fire('will-redirect', url), url).toBe(false);
    }
  });

  it('refuses every webview and every new window, the app’s own URL included', () => {
    const { contents, fire, open } = fakeContents();
    hardenContents(contents);
    expect(fire('will-attach-webview')).toBe(true);
    for (const url of [...HOSTILE_URLS, ...APP_PAGES])
      expect(open(url), url).toEqual({ action: 'deny' });
  });

  it('answers every permission request and check with no', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as unknown as Session;
    hardenSession(session);
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'window-management',
      'unknown',
    ];
    for (const p of permissions) {
      const answers: boolean[] = [];
      request?.({}, p, (ok) => answers.push(ok));
      expect(answers, p).toEqual([false]);
      expect(check?.({}, p), p).toBe(false);
    }
  });
});

describe('IPC sender check (fed fake events)', () => {
  function bound() {
    let handler: ((event: unknown, ...args: unknown[]) => unknown) | undefined;
    const ipcMain = {
      handle: (channel: string, fn: typeof handler) => {
        expect(channel).toBe(API_CHANNEL);
        handler = fn;
      },
    } as unknown as IpcMain;
    const calls: [string, unknown, CallContext][] = [];
    const dispatch: Dispatch = async (method, input, ctx) => {
      calls.push([method, input, ctx]);
      return { ok: true, value: null };
    };
    bindIpc(ipcMain, dispatch);
    const event = (url: string | null, main: boolean) => {
      const frame = url === null ? null : { url };
      const mainFrame = main ? frame : { url: 'app://hall/index.html' };
      return { senderFrame: frame, sender: { mainFrame } };
    };
    return { invoke: (e: unknown, ...args: unknown[]) => handler!(e, ...args), calls, event };
  }

  it('refuses calls from foreign pages, sub-frames and vanished frames without dispatching', async () => {
    const { invoke, calls, event } = bound();
    const senders = [
      ...HOSTILE_URLS.map((url) => event(url, true)),
      event('app://hall/index.html', false),
      event(null, true),
    ];
    for (const e of senders) {
      const reply = (await invoke(e, 'applications.list', {}, 'token')) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('FORBIDDEN');
    }
    expect(calls).toEqual([]);
  });

  it('passes the app’s own calls on with the session as context, never from the input', async () => {
    const { invoke, calls, event } = bound();
    await invoke(event('app://hall/index.html', true), 'applications.list', { q: 'x' }, 'tok-1');
    await invoke(event('app://hall/index.html#/new', true), 'system.info', {}, 42);
    await invoke(event('app://hall/index.html', true), 42, { session: 'from-input' });
    expect(calls).toEqual([
      ['applications.list', { q: 'x' }, { transport: 'ipc', actor: 'station', session: 'tok-1' }],
      ['system.info', {}, { transport: 'ipc', actor: 'station' }],
      ['', { session: 'from-input' }, { transport: 'ipc', actor: 'station' }],
    ]);
  });
});

describe('Electron fuses in electron-builder.yml', () => {
  /** The `electronFuses:` block as key → value (a flat YAML map). */
  function fuses(): Record<string, string> {
    const yml = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ \t]+.*\n)+)/m.exec(yml)?.[1] ?? '';
    return Object.fromEntries(
      block
        .split('\n')
        .map((l) => /^\s+(\w+):\s*(\S+)/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
  }

  it('names only keys electron-builder reads, and sets the hardening ones', () => {
    const scheme = JSON.parse(
      readFileSync(resolve(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    const set = fuses();
    expect(Object.keys(set).filter((k) => !known.includes(k))).toEqual([]);
    expect(set).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
