import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS as T, suggestLevel, unorderedSignal } from './index';
import { testLog } from '../../tests/support/test-log';

describe('hall alert suggestion from the hall signals', () => {
  it('is the worst signal level, each counted against its own thresholds', () => {
    const quiet = suggestLevel(
      { waitingTickets: 5, repeatContactsToday: 0, overdueApplications: 0 },
      T,
    );
    expect(quiet.level).toBe('none');
    const busy = suggestLevel(
      { waitingTickets: 36, repeatContactsToday: 1, overdueApplications: 0 },
      T,
    );
    testLog(
      `suggestion for waiting=36 repeats=1 overdue=0: ${busy.level}; per signal ${busy.signals
        .map((s) => `${s.signal}=${s.level}@${s.threshold ?? '-'}`)
        .join(' ')}`,
    );
    expect(busy.level).toBe('orange');
    expect(busy.signals.map((s) => s.level)).toEqual(['orange', 'yellow', 'none']);
    const red = suggestLevel(
      { waitingTickets: 0, repeatContactsToday: 0, overdueApplications: 10 },
      T,
    );
    expect(red.level).toBe('red');
    expect(red.signals[2]).toEqual({
      signal: 'overdueApplications',
      value: 10,
      level: 'red',
      threshold: 10,
    });
  });

  it('a signal that could not be read suggests nothing and keeps null (never counted as 0)', () => {
    const s = suggestLevel(
      { waitingTickets: null, repeatContactsToday: 3, overdueApplications: 0 },
      T,
    );
    expect(s.signals[0]).toEqual({
      signal: 'waitingTickets',
      value: null,
      level: 'none',
      threshold: null,
    });
    expect(s.level).toBe('red');
  });

  it('follows changed thresholds and refuses ones that do not rise', () => {
    const lower = { ...T, waitingTickets: { yellow: 2, orange: 3, red: 4 } };
    expect(
      suggestLevel({ waitingTickets: 3, repeatContactsToday: 0, overdueApplications: 0 }, lower)
        .level,
    ).toBe('orange');
    expect(unorderedSignal(T)).toBeNull();
    expect(unorderedSignal({ ...T, overdueApplications: { yellow: 5, orange: 2, red: 9 } })).toBe(
      'overdueApplications',
    );
    expect(unorderedSignal({ ...T, waitingTickets: { yellow: 0, orange: 1, red: 2 } })).toBe(
      'waitingTickets',
    );
  });
});
