import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../../../shared/api/events';
import { createEventBus, type EventTarget, type Subscriber } from './bus';
import { createTicketStore, TICKET_TTL_MS } from './tickets';

const collect = (bus: ReturnType<typeof createEventBus>, sub: Subscriber) => {
  const got: HallEvent[] = [];
  bus.subscribe(sub, (event) => got.push(event));
  return got;
};

/** Every event, published with every kind of target a source uses. */
function publishEverything(bus: ReturnType<typeof createEventBus>): void {
  const targets: (EventTarget | undefined)[] = [
    undefined,
    { staffNo: 'C101' },
    { session: 'tok-counter' },
    { staffNo: 'C101', exceptSession: 'tok-other' },
  ];
  for (const target of targets) {
    bus.publish('sync.changed', {}, target);
    bus.publish('queue.changed', { kind: 'callNext', version: 7, board: null }, target);
    bus.publish('session.ended', { reason: 'revoked' }, target);
  }
}

describe('event bus role filter', () => {
  it('a kiosk stream never gets a staff event, whatever is published and however targeted', () => {
    const bus = createEventBus();
    // Even a kiosk stream that somehow carried a staff member's session and number.
    const kiosk = collect(bus, { role: 'kiosk', staffNo: 'C101', session: 'tok-counter' });
    const counter = collect(bus, { role: 'counter', staffNo: 'C101', session: 'tok-counter' });
    publishEverything(bus);
    expect(kiosk).toEqual([]);
    expect(counter.map((e) => e.name)).toContain('sync.changed');
  });

  it('a display gets the board and nothing else', () => {
    const bus = createEventBus();
    const display = collect(bus, { role: 'display' });
    publishEverything(bus);
    expect(new Set(display.map((e) => e.name))).toEqual(new Set(['queue.changed']));
  });

  it('session.ended reaches only the sessions it names', () => {
    const bus = createEventBus();
    const mine = collect(bus, { role: 'counter', staffNo: 'C101', session: 'tok-a' });
    const myOther = collect(bus, { role: 'counter', staffNo: 'C101', session: 'tok-b' });
    const someoneElse = collect(bus, { role: 'guide', staffNo: 'G201', session: 'tok-c' });
    bus.publish(
      'session.ended',
      { reason: 'revoked' },
      { staffNo: 'C101', exceptSession: 'tok-a' },
    );
    expect(mine).toEqual([]);
    expect(myOther).toEqual([{ name: 'session.ended', payload: { reason: 'revoked' } }]);
    bus.publish('session.ended', { reason: 'signedOut' }, { session: 'tok-c' });
    expect(someoneElse).toHaveLength(1);
    // Untargeted, it reaches no one.
    bus.publish('session.ended', { reason: 'revoked' });
    expect([mine, myOther, someoneElse].map((l) => l.length)).toEqual([0, 1, 1]);
  });

  it('refuses to publish a payload the table does not allow', () => {
    const bus = createEventBus();
    expect(() =>
      bus.publish('sync.changed', { mobile: '13800138000' } as unknown as Record<string, never>),
    ).toThrow(/does not match/);
  });

  it('ends every stream when the services close, and tells the first subscriber', () => {
    const bus = createEventBus();
    let firsts = 0;
    let ended = 0;
    bus.onFirstSubscriber(() => (firsts += 1));
    bus.subscribe(
      { role: 'display' },
      () => undefined,
      () => (ended += 1),
    );
    bus.subscribe(
      { role: 'display' },
      () => undefined,
      () => (ended += 1),
    );
    bus.close();
    expect([firsts, ended, bus.size()]).toEqual([1, 2, 0]);
  });
});

describe('stream tickets', () => {
  it('open a stream once, and not after 30 s', () => {
    let at = 1_000;
    const tickets = createTicketStore(() => at);
    const first = tickets.issue({ role: 'display' });
    expect(tickets.take(first)).toEqual({ role: 'display' });
    expect(tickets.take(first)).toBeNull();
    const late = tickets.issue({ role: 'display' });
    at += TICKET_TTL_MS;
    expect(tickets.take(late)).toBeNull();
    expect(tickets.take('')).toBeNull();
  });
});
