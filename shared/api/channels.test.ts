import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, createEventSubscriptions, type EventIpc } from './channels';

/** A stand-in for ipcRenderer: what was registered, and a way to deliver a message. */
function fakeIpc() {
  const handlers = new Map<string, Set<(event: unknown, message: unknown) => void>>();
  const ipc: EventIpc = {
    on: (channel, listener) =>
      handlers.set(channel, (handlers.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => handlers.get(channel)?.delete(listener),
  };
  const send = (channel: string, message: unknown) => {
    for (const h of handlers.get(channel) ?? []) h({}, message);
  };
  return { ipc, send, count: () => handlers.get(EVENT_CHANNEL)?.size ?? 0 };
}

describe("the preload's event subscriptions", () => {
  it('refuse a name that is not in the event table, registering nothing', () => {
    const { ipc, count } = fakeIpc();
    const events = createEventSubscriptions(ipc);
    for (const name of ['hall:api', 'update', '', 'queue.*', '__proto__', 7, null]) {
      expect(() => events.subscribe(name, () => undefined), String(name)).toThrow(/unknown event/);
    }
    expect(() => events.subscribe('queue.changed', 'x' as unknown as () => void)).toThrow();
    expect(count()).toBe(0);
  });

  it('hand a listener only the payloads of its own event, until it unsubscribes', () => {
    const { ipc, send, count } = fakeIpc();
    const events = createEventSubscriptions(ipc);
    const got: unknown[] = [];
    const states: string[] = [];
    const stop = events.subscribe('queue.changed', (payload) => got.push(payload));
    const stopState = events.onStreamState((state) => states.push(state));
    send(EVENT_CHANNEL, { name: 'sync.changed', payload: {} });
    send(EVENT_CHANNEL, { type: 'update', status: { state: 'ready' } });
    send(EVENT_CHANNEL, {
      name: 'queue.changed',
      payload: { kind: 'callNext', version: 1, board: null },
    });
    send(EVENT_CHANNEL, { stream: 'opened' });
    send('hall:other', { name: 'queue.changed', payload: 'elsewhere' });
    expect(got).toEqual([{ kind: 'callNext', version: 1, board: null }]);
    expect(states).toEqual(['opened']);
    stop();
    stopState();
    expect(count()).toBe(0);
    send(EVENT_CHANNEL, { name: 'queue.changed', payload: { kind: 'undo', version: 2 } });
    expect(got).toHaveLength(1);
  });
});
