import { describe, expect, it } from 'vitest';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth';

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
});
