import { describe, expect, it } from 'vitest';
import { hallDayCompact, hallDayEnd, hallDayStart, toHallIso } from './hallTime';

describe('hall time (Asia/Shanghai, UTC+8)', () => {
  it('writes instants with the +08:00 offset', () => {
    expect(toHallIso(Date.parse('2026-03-02T02:00:00Z'))).toBe('2026-03-02T10:00:00.000+08:00');
    expect(Date.parse(toHallIso(1_772_000_000_123))).toBe(1_772_000_000_123);
  });

  it('puts 23:30 hall time on its own day, not the UTC one', () => {
    const lateEvening = Date.parse('2026-03-02T23:30:00+08:00');
    expect(hallDayCompact(lateEvening)).toBe('20260302');
    expect(hallDayCompact(Date.parse('2026-03-03T00:00:00+08:00'))).toBe('20260303');
  });

  it('bounds a hall day from 00:00 to the next 00:00', () => {
    expect(hallDayStart('2026-03-02')).toBe(Date.parse('2026-03-01T16:00:00Z'));
    expect(hallDayEnd('2026-03-02') - hallDayStart('2026-03-02')).toBe(86_400_000);
  });
});
