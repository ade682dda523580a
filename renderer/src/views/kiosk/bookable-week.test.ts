import { describe, expect, it } from 'vitest';
import type { Slot } from '../../../../shared/appointments/schemas';
import { hallInstant } from '../../../../shared/hall-time';
import { kioskBookingDays } from '../../../../shared/appointments/time-rules';
import { firstOpenDay, openSlots } from './bookable-week';

const NOW = hallInstant('2026-12-01', 10 * 60).getTime(); // 10:00 at the hall
const slot = (day: string, startMin: number, capacity: number, booked = 0): Slot => ({
  id: `00000000-0000-4000-8000-${String(startMin).padStart(12, '0')}`,
  day,
  serviceCode: 'NEW',
  serviceName: { zh: '新装增容', en: 'New connection' },
  startMin,
  endMin: startMin + 60,
  capacity,
  booked,
});

describe("the kiosk's bookable week", () => {
  const days = kioskBookingDays(NOW);

  it('is today and the next six hall days', () => {
    expect(days).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
  });

  it('offers only slots with places left that have not ended', () => {
    const today = [
      slot(days[0]!, 8 * 60, 2),
      slot(days[0]!, 9 * 60 + 30, 2),
      slot(days[0]!, 11 * 60, 1, 1),
    ];
    // 08:00–09:00 is over, 11:00 is full: only 09:30–10:30 is left.
    expect(openSlots(today, NOW).map((s) => s.startMin)).toEqual([9 * 60 + 30]);
  });

  it('a fresh install (no slots at all) is "none", so the kiosk says so instead of offering days', () => {
    expect(firstOpenDay({}, days, NOW)).toBe('none');
    expect(firstOpenDay({ [days[0]!]: [slot(days[0]!, 8 * 60, 3)] }, days, NOW)).toBe('none');
    expect(firstOpenDay({ [days[2]!]: [slot(days[2]!, 8 * 60, 0)] }, days, NOW)).toBe('none');
  });

  it('opens on the first day with a place left', () => {
    const week = {
      [days[1]!]: [slot(days[1]!, 9 * 60, 1, 1)],
      [days[3]!]: [slot(days[3]!, 9 * 60, 2)],
    };
    expect(firstOpenDay(week, days, NOW)).toBe('2026-12-04');
  });
});
