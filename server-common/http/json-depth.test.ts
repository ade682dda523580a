import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth';

/** The plain definition, one character at a time: what the faster scan must answer. */
function reference(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (++depth > limit) return true;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return false;
}

const nested = (n: number, open = '[', close = ']'): string => open.repeat(n) + close.repeat(n);

describe('jsonTooDeep', () => {
  it('allows up to the limit and refuses one more, arrays and objects alike', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    const obj = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    expect(jsonTooDeep(obj(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(obj(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonTooDeep(nested(100_000))).toBe(true);
  });

  it('counts depth, not brackets: siblings and brackets inside strings do not add up', () => {
    expect(jsonTooDeep(JSON.stringify(Array.from({ length: 1000 }, () => [[1]])))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ note: '['.repeat(1000) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ note: '\\"[[[' + '['.repeat(100) }))).toBe(false);
    expect(jsonTooDeep('{"a":' + JSON.stringify('x\\"') + ',"b":' + nested(40) + '}')).toBe(true);
  });

  it('answers as the character-by-character definition for any text of brackets, quotes and backslashes', () => {
    const text = fc
      .array(fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '字'), { maxLength: 60 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 4 }), (t, limit) => {
        expect(jsonTooDeep(t, limit)).toBe(reference(t, limit));
      }),
      { numRuns: 5000 },
    );
    // An escaped backslash does not escape the quote after it; an escaped quote does not end the string.
    expect(jsonTooDeep('"\\\\"[[', 1)).toBe(true);
    expect(jsonTooDeep('"\\"[["', 1)).toBe(false);
  });
});
