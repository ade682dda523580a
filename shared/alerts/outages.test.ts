import { describe, expect, it } from 'vitest';
import { outageVerdict, OUTAGE_SIGNAL } from './outages';
import { testLog } from '../../tests/support/test-log';

const H = 3_600_000;
const NOW = Date.parse('2026-12-01T09:00:00+08:00');
const span = (startH: number, endH: number) => ({
  startsAt: NOW + startH * H,
  endsAt: NOW + endH * H,
});

describe('planned outages as a hall alert signal', () => {
  it('in progress suggests orange, starting soon yellow, later or over nothing', () => {
    expect(outageVerdict([], NOW)).toEqual({ inProgress: 0, startingSoon: 0, level: 'none' });
    const later = outageVerdict([span(OUTAGE_SIGNAL.soonHours + 1, 40), span(-5, -1)], NOW);
    expect(later.level).toBe('none');
    const soon = outageVerdict([span(OUTAGE_SIGNAL.soonHours, 30)], NOW);
    expect(soon).toEqual({ inProgress: 0, startingSoon: 1, level: 'yellow' });
    const now = outageVerdict([span(-1, 3), span(2, 6)], NOW);
    testLog(
      `outage verdict for one in progress and one starting in 2 h: inProgress=${now.inProgress} startingSoon=${now.startingSoon} level=${now.level}`,
    );
    expect(now).toEqual({ inProgress: 1, startingSoon: 1, level: 'orange' });
  });

  it('several in progress at once suggest red; one that just ended counts no more', () => {
    const many = Array.from({ length: OUTAGE_SIGNAL.manyInProgress }, () => span(-2, 2));
    expect(outageVerdict(many, NOW).level).toBe('red');
    expect(outageVerdict([span(-2, 0)], NOW).level).toBe('none');
  });
});
