import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

// What the screens showed before: Intl in the hall's time zone.
const intl = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function byIntl(at: Date): string {
  const p: Record<string, string> = {};
  for (const part of intl.formatToParts(at)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

describe('formatDateTime', () => {
  it('matches Intl in Asia/Shanghai for instants from 1992 to 2100, in any offset written', () => {
    const from = Date.parse('1992-01-01T00:00:00Z');
    const to = Date.parse('2100-01-01T00:00:00Z');
    // 2,000 instants spread over the range, at odd minutes and seconds (a step coprime to days).
    const step = Math.floor((to - from) / 2000) + 7_919_017;
    for (let t = from; t < to; t += step) {
      const at = new Date(t);
      const want = byIntl(at);
      expect(formatDateTime(at.toISOString())).toBe(want);
      const plus8 = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      expect(formatDateTime(plus8)).toBe(want);
      expect(formatDate(at.toISOString())).toBe(want.slice(0, 10));
    }
  });

  it('shows the hall day across midnight, and nothing for an empty or broken value', () => {
    expect(formatDateTime('2026-11-30T15:59:00Z')).toBe('2026-11-30 23:59');
    expect(formatDateTime('2026-11-30T16:00:00Z')).toBe('2026-12-01 00:00');
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    for (const bad of ['', null, undefined, 'not a date']) {
      expect(formatDateTime(bad)).toBe('');
      expect(formatDate(bad)).toBe('');
    }
  });
});
