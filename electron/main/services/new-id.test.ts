import { describe, expect, it, vi } from 'vitest';
import { validate, version } from 'uuid';
import { newId } from './new-id';

describe('newId', () => {
  it('makes valid, distinct UUIDv7s, more of them than one pool holds', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts in the order made, also within one millisecond', () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T02:00:00Z'), toFake: ['Date'] });
    try {
      const ids = Array.from({ length: 600 }, () => newId());
      expect([...ids].sort()).toEqual(ids);
      // The time in the first 48 bits is the clock's (or a later one when the counter wrapped).
      const msecs = parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
      expect(msecs).toBeGreaterThanOrEqual(Date.parse('2026-12-01T02:00:00Z'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes different random bytes for each identifier', () => {
    const tails = Array.from({ length: 300 }, () => newId().slice(-12));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
