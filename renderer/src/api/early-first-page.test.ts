// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../../shared/api/channels';
import { useApplicationListStore } from '../stores/applicationList';
import { call } from './client';
import { FIRST_LIST_PAGE, startEarlyFirstPage } from './early-first-page';
import { onSessionRejected, writeSession } from './session-token';

const PAGE = { rows: [], total: 0, more: false };
const session = (token: string) => ({
  token,
  staffNo: 'C201',
  name: '柜员周',
  role: 'counter' as const,
  idleLockMinutes: 5,
});

/** A bridge that records what was sent and answers with `reply(method, input)`. */
let sent: [string, unknown][] = [];
const setBridge = (reply: (method: string, input: unknown) => unknown) => {
  sent = [];
  (globalThis as Record<string, unknown>)[BRIDGE_KEY] = {
    invoke: async (method: string, input: unknown) => {
      sent.push([method, input]);
      return reply(method, input);
    },
  };
};

beforeEach(() => {
  setActivePinia(createPinia());
  writeSession(session('tok-1'));
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
  writeSession(null);
});

describe("the list's first page asked for at start", () => {
  it('is sent once at a start on /applications and taken by the list store unasked again', async () => {
    setBridge(() => ({ ok: true, value: { ...PAGE, total: 7 } }));
    startEarlyFirstPage('/applications');
    expect(sent).toEqual([['applications.list', FIRST_LIST_PAGE]]);
    const list = useApplicationListStore();
    await list.refresh();
    expect(list.total).toBe(7);
    // The store's first query with untouched filters is the one sent early: nothing more sent.
    expect(sent).toEqual([['applications.list', FIRST_LIST_PAGE]]);
    // Taken once: the next refresh asks the services.
    await list.refresh();
    expect(sent).toHaveLength(2);
  });

  it('is not sent elsewhere or without a session', () => {
    setBridge(() => ({ ok: true, value: PAGE }));
    startEarlyFirstPage('/applications/new');
    startEarlyFirstPage('/');
    writeSession(null);
    startEarlyFirstPage('/applications');
    expect(sent).toEqual([]);
  });

  it('a refused early answer is asked again, and only that reply reports a lost session', async () => {
    const refused = {
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Sign in first' },
    };
    let rejected = 0;
    const stop = onSessionRejected(() => (rejected += 1));
    setBridge(() => refused);
    startEarlyFirstPage('/applications');
    await Promise.resolve();
    expect(rejected).toBe(0);
    const err = await call('applications.list', FIRST_LIST_PAGE).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(sent).toHaveLength(2);
    expect(rejected).toBe(1);
    stop();
  });

  it('is not used for another session or another query', async () => {
    setBridge((_, input) => ({
      ok: true,
      value: { ...PAGE, total: JSON.stringify(input).length },
    }));
    startEarlyFirstPage('/applications');
    await call('applications.list', { ...FIRST_LIST_PAGE, q: '王' });
    expect(sent).toHaveLength(2);
    writeSession(session('tok-2'));
    await call('applications.list', FIRST_LIST_PAGE);
    expect(sent).toHaveLength(3);
  });
});
