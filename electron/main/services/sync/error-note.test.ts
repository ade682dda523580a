import { describe, expect, it } from 'vitest';
import { errorNote } from './error-note';

describe('errorNote (outbox.last_error holds codes only)', () => {
  it('keeps what the engine writes: statuses, error classes, reason codes, field keys', () => {
    for (const detail of [
      'HTTP 503 UNAVAILABLE',
      'network: TypeError (ECONNREFUSED)',
      'truncated: HTTP 200 body is not JSON',
      'invalid_field fields.mobile',
      'discarded with an earlier operation',
    ]) {
      expect(errorNote(detail)).toBe(detail);
    }
  });

  it('cuts personal data that slipped into a detail', () => {
    expect(errorNote('invalid_field fields.mobile 13957318801')).toBe(
      'invalid_field fields.mobile …',
    );
    expect(errorNote('bad 35010219800101871X')).toBe('bad …');
    expect(errorNote('bad Y1350100M0001CANA')).toBe('bad …');
    expect(errorNote('地址 幸福里77号 refused')).toBe('… … refused');
    expect(errorNote('mail a@b.cn')).toBe('mail …');
    expect(errorNote('x '.repeat(40)).split(' ')).toHaveLength(12);
  });
});
