import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { CentralError, type CentralErrorKind } from '../central-client';
import { isUnavailable, queueError } from './errors';

const body = { code: 'BAD_REQUEST' as const, message: '号不存在', messageEn: 'No such ticket' };
const answer = (kind: CentralErrorKind, status: number, withBody = true) =>
  new CentralError({ kind, detail: `HTTP ${status}`, status, ...(withBody ? { body } : {}) });

describe('queue errors by kind', () => {
  // [case, error, contract code, unavailable (offline fallback)]
  const TABLE: [string, CentralError, string, boolean][] = [
    [
      'no connection',
      new CentralError({ kind: 'network', detail: 'TypeError' }),
      'UNAVAILABLE',
      true,
    ],
    ['timeout', new CentralError({ kind: 'timeout', detail: 'no answer' }), 'UNAVAILABLE', true],
    ['5xx with a body', answer('server', 503), 'UNAVAILABLE', true],
    ['429', answer('rate_limited', 429), 'UNAVAILABLE', true],
    ['4xx without a readable body', answer('not_found', 404, false), 'UNAVAILABLE', true],
    ['404', answer('not_found', 404), 'NOT_FOUND', false],
    ['409', answer('conflict', 409), 'CONFLICT', false],
    ['401', answer('unauthorized', 401), 'FORBIDDEN', false],
    ['403', answer('forbidden', 403), 'FORBIDDEN', false],
    ['wrong registration secret', answer('enrolment_refused', 401), 'FORBIDDEN', false],
    ['400', answer('invalid', 400), 'VALIDATION', false],
  ];
  it.each(TABLE)('%s → %s', (_case, err, code, unavailable) => {
    const mapped = queueError(err);
    expect(mapped).toBeInstanceOf(ApiError);
    expect((mapped as ApiError).body.code).toBe(code);
    expect(isUnavailable(err)).toBe(unavailable);
    // A refusal carries the central system's message in both languages.
    if (!unavailable) expect((mapped as ApiError).body.messageEn).toBe('No such ticket');
  });

  it('passes anything that is not a CentralError through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(queueError(bug)).toBe(bug);
    expect(isUnavailable(bug)).toBe(false);
  });
});
