import { describe, expect, it } from 'vitest';
import { nextAlertBoundary } from './alert-boundary';

const now = Date.parse('2026-11-30T06:00:00.000Z');

describe('nextAlertBoundary', () => {
  it('is the earliest start or end still ahead', () => {
    expect(
      nextAlertBoundary(
        [
          { startsAt: '2026-11-30T05:00:00.000Z', endsAt: '2026-11-30T09:00:00.000Z' },
          { startsAt: '2026-11-30T07:00:00.000Z', endsAt: '2026-11-30T08:00:00.000Z' },
          { endsAt: '2026-11-30T06:30:00.000Z' },
        ],
        now,
      ),
    ).toBe(Date.parse('2026-11-30T06:30:00.000Z'));
  });

  it('is null when nothing on screen will change by itself', () => {
    expect(nextAlertBoundary([], now)).toBeNull();
    expect(nextAlertBoundary([{ endsAt: '2026-11-30T05:59:59.000Z' }], now)).toBeNull();
  });
});
