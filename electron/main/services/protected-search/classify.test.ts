import { describe, expect, it } from 'vitest';
import { classifyQuery, compactQuery } from './classify';
import { createRateLimiter } from './rate-limit';

const kind = (q: string) => {
  const c = classifyQuery(q);
  return c.kind === 'whole' ? `whole:${c.column}` : c.kind;
};

describe('classifyQuery', () => {
  it('whole phones, ID numbers and credit codes, in any width, case or spacing', () => {
    expect(kind('13812345678')).toBe('whole:mobile');
    expect(kind('+86 138-1234-5678')).toBe('whole:mobile');
    expect(kind('１３８１２３４５６７８')).toBe('whole:mobile');
    expect(kind('11010519491231002x')).toBe('whole:id_number');
    expect(kind('110105 19491231 002X')).toBe('whole:id_number');
    expect(kind('91350100M000100Y43')).toBe('whole:credit_code');
  });

  it('pieces of them and wildcards are fragments', () => {
    for (const q of ['138', '5678', '0100M000', '110105194912', '1234x', '３８１２']) {
      expect(kind(q), q).toBe('fragment');
    }
    for (const q of ['138%', '%5678', '138_2345678', '138*', '13?', '张%']) {
      expect(classifyQuery(q), q).toEqual({ kind: 'fragment', reason: 'wildcard' });
    }
  });

  it('names and application numbers are text', () => {
    for (const q of ['张', '张三', 'Zhang', 'C01202611300001', 'c0120261130', 'K01']) {
      expect(kind(q), q).toBe('text');
    }
    expect(kind('   ')).toBe('empty');
  });

  it('compactQuery folds width and drops separators and the country prefix', () => {
    expect(compactQuery(' ００８６ １３８ 1234 5678 ')).toBe('13812345678');
  });

  it('a phone written with dots or brackets is a whole phone, as the search matches it', () => {
    expect(kind('138.1234.5678')).toBe('whole:mobile');
    expect(kind('(+86) 138 1234 5678')).toBe('whole:mobile');
    expect(compactQuery('(+86) 138.1234.5678')).toBe('13812345678');
  });
});

describe('createRateLimiter', () => {
  it('allows max events per window per key, then refuses until the window slides', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 3, windowMs: 1000, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 999;
    expect(limiter.take('a')).toBe(false);
    now = 1001;
    expect(limiter.take('a')).toBe(true);
  });

  it('counts a repeated event once inside the window', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1000, now: () => now });
    expect(['x', 'x', 'x', 'y', 'x', 'z'].map((e) => limiter.take('a', e))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    now = 1500;
    expect(limiter.take('a', 'z')).toBe(true);
  });
});

describe('createRateLimiter: count and waitMs (for callers that check before they count)', () => {
  it('counts past the limit and says when the oldest event that keeps the key full leaves', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 2, windowMs: 1000, now: () => now });
    expect(limiter.waitMs('a')).toBe(0);
    limiter.count('a');
    now = 100;
    limiter.count('a');
    now = 200;
    limiter.count('a');
    // Three events, limit two: full until the second (at 100) leaves at 1100.
    expect(limiter.waitMs('a')).toBe(900);
    expect(limiter.waitMs('b')).toBe(0);
    now = 1100;
    expect(limiter.waitMs('a')).toBe(0);
  });
});

describe('classifyQuery: certificates other than the resident ID', () => {
  it('a whole passport, home-return permit or old permanent residence ID is a whole ID number', () => {
    for (const q of ['E12345678', 'e1234 5678', 'EA1234567', 'H12345678', 'USA123456789012']) {
      expect(kind(q), q).toBe('whole:id_number');
    }
  });

  it('application numbers, whole or begun, stay text', () => {
    for (const q of ['C01202611300001', 'E12202611300002', 'c0120261130']) {
      expect(kind(q), q).toBe('text');
    }
  });
});

describe('classifyQuery: digit-only certificate numbers', () => {
  it('a whole Taiwan permit (8 or 10 digits), digits-only passport or 2023 permanent residence ID is whole', () => {
    // 9 + province 33 + nationality 840 + birth date + sequence + the GB 11643 check character.
    for (const q of ['87654321', '8765-4321', '1234567890', '123456789', '933840198001010019']) {
      expect(kind(q), q).toBe('whole:id_number');
    }
  });

  it('a prefix probe of one is a fragment below 5 digits and past the whole lengths; 5–7 digits are a whole passport (compared whole)', () => {
    const permit = '1234567890';
    for (const n of [3, 4]) expect(kind(permit.slice(0, n)), `${n} digits`).toBe('fragment');
    // A digits-only passport may be 5–7 digits: searched whole (blind index), guarded as one.
    for (const n of [5, 6, 7])
      expect(kind(permit.slice(0, n)), `${n} digits`).toBe('whole:id_number');
    for (const q of ['12345678901', '123456789012', '1234567890123456']) {
      expect(kind(q), q).not.toBe('whole:id_number');
    }
  });
});
