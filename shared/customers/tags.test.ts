import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../queue/defaults';
import { PRIORITIES, type Priority } from '../queue/schemas';
import { BUILTIN_TAGS, needsWarning, priorityForTags, TAG_PRIORITY } from './tags';

const anyTags = fc.uniqueArray(
  fc.oneof(fc.constantFrom(...BUILTIN_TAGS), fc.constantFrom('h_dianli', 'h_x1', 'unknown')),
  { maxLength: 6 },
);
const anyWeights = fc.record(
  Object.fromEntries(PRIORITIES.map((p) => [p, fc.integer({ min: 0, max: 1000 })])) as Record<
    Priority,
    fc.Arbitrary<number>
  >,
);

describe('tag-driven ticket priority', () => {
  it('gives 老年/残疾 the 老弱病残孕 group, VIP vip and 绿色通道 green with the default weights', () => {
    expect(priorityForTags(['elderly'], DEFAULT_WEIGHTS)).toBe('elderly');
    expect(priorityForTags(['disabled'], DEFAULT_WEIGHTS)).toBe('elderly');
    expect(priorityForTags(['vip'], DEFAULT_WEIGHTS)).toBe('vip');
    expect(priorityForTags(['elderly', 'green_channel', 'vip'], DEFAULT_WEIGHTS)).toBe('green');
    expect(priorityForTags(['important', 'sensitive', 'small_business'], DEFAULT_WEIGHTS)).toBe(
      'normal',
    );
    // A 预约 chosen at triage outranks nothing the tags give except normal.
    expect(priorityForTags(['elderly'], DEFAULT_WEIGHTS, 'appointment')).toBe('elderly');
    expect(priorityForTags([], DEFAULT_WEIGHTS, 'appointment')).toBe('appointment');
  });

  it('never lowers the chosen priority, and picks the heaviest of chosen and tag-given (any weights)', () => {
    fc.assert(
      fc.property(anyTags, anyWeights, fc.constantFrom(...PRIORITIES), (tags, weights, chosen) => {
        const got = priorityForTags(tags, weights, chosen);
        const given = tags.flatMap((t) => {
          const p = (TAG_PRIORITY as Record<string, Priority | undefined>)[t];
          return p ? [p] : [];
        });
        expect([chosen, ...given]).toContain(got);
        expect(weights[got]).toBeGreaterThanOrEqual(weights[chosen]);
        for (const p of given) expect(weights[got]).toBeGreaterThanOrEqual(weights[p]);
      }),
      { numRuns: 300 },
    );
  });

  it('warns the clerk for a 敏感客户 only', () => {
    expect(needsWarning(['sensitive'])).toBe(true);
    expect(needsWarning(['important', 'vip'])).toBe(false);
  });
});
