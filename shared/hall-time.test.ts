import { describe, expect, it } from 'vitest';
import {
  hallDate,
  hallDateCompact,
  hallDayEnd,
  hallDayStart,
  hallInstant,
  hallMinutes,
  toHallIso,
} from './hall-time';

describe('hall time (Asia/Shanghai, UTC+8)', () => {
  it('writes instants with the +08:00 offset, from a Date or epoch ms', () => {
    expect(toHallIso(Date.parse('2026-03-02T02:00:00Z'))).toBe('2026-03-02T10:00:00.000+08:00');
    expect(toHallIso(new Date('2026-03-02T02:00:00Z'))).toBe('2026-03-02T10:00:00.000+08:00');
    expect(Date.parse(toHallIso(1_772_000_000_123))).toBe(1_772_000_000_123);
  });

  it('puts 23:30 hall time on its own day, not the UTC one', () => {
    const lateEvening = Date.parse('2026-03-02T23:30:00+08:00');
    expect(hallDate(lateEvening)).toBe('2026-03-02');
    expect(hallDateCompact(lateEvening)).toBe('20260302');
    expect(hallDateCompact(Date.parse('2026-03-03T00:00:00+08:00'))).toBe('20260303');
  });

  it('bounds a hall day from 00:00 to the next 00:00', () => {
    expect(hallDayStart('2026-03-02')).toBe(Date.parse('2026-03-01T16:00:00Z'));
    expect(hallDayEnd('2026-03-02') - hallDayStart('2026-03-02')).toBe(86_400_000);
  });

  it('reads and builds minutes of the hall day', () => {
    expect(hallMinutes(new Date('2026-03-02T17:30:30+08:00'))).toBe(17 * 60 + 30.5);
    expect(toHallIso(hallInstant('2026-03-02', 17 * 60 + 30))).toBe(
      '2026-03-02T17:30:00.000+08:00',
    );
  });
});
