import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, isEventName } from './channels';
import { EVENTS, mayReceive, parseEvent } from './events';
import { PERMISSIONS, type Role } from './permissions';

describe('the event table', () => {
  it('names the same events as the channel list the preload checks', () => {
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('never sends a role an event about what that role may not read', () => {
    for (const [name, spec] of Object.entries(EVENTS)) {
      for (const role of spec.roles) {
        expect(PERMISSIONS[spec.reads], `${name} → ${role}`).toContain(role);
      }
    }
  });

  it('gives the kiosk no event and the display only the board', () => {
    const receives = (role: Role) => EVENT_NAMES.filter((name) => mayReceive(role, name));
    expect(receives('kiosk')).toEqual([]);
    expect(receives('display')).toEqual(['queue.changed']);
    expect(receives('counter')).toEqual([
      'sync.changed',
      'queue.changed',
      'session.ended',
      'alerts.changed',
    ]);
  });

  it('accepts a well-formed event and refuses unknown names and stray payload keys', () => {
    expect(
      parseEvent({ name: 'queue.changed', payload: { kind: 'callNext', version: 3, board: null } }),
    ).toEqual({ name: 'queue.changed', payload: { kind: 'callNext', version: 3, board: null } });
    expect(parseEvent({ name: 'queue.deleted', payload: {} })).toBeNull();
    expect(parseEvent({ name: 'toString', payload: {} })).toBeNull();
    expect(
      parseEvent({ name: 'sync.changed', payload: { idNumber: '11010519491231002X' } }),
    ).toBeNull();
    expect(
      parseEvent({ name: 'queue.changed', payload: { kind: 'explode', version: 1 } }),
    ).toBeNull();
    expect(parseEvent('queue.changed')).toBeNull();
    expect(isEventName('session.ended')).toBe(true);
    expect(isEventName('hall:api')).toBe(false);
    expect(isEventName(42)).toBe(false);
  });
});
