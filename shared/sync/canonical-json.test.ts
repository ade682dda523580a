import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** The plain definition (sort every object's keys, join the members): what the fast form must equal. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units as RFC 8785 does', () => {
    expect(canonicalJson({ 姓名: 1, Z: 2, a: 3 })).toBe('{"Z":2,"a":3,"姓名":1}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ x: 1n })).toThrow(/unsupported/);
  });

  it('does not depend on key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        const text = canonicalJson(obj);
        expect(canonicalJson(reversed)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('writes what the plain definition writes, for any JSON value and key order', () => {
    const value = fc.jsonValue().map((v) => shuffleKeys(v));
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 500 },
    );
    // Integer-like keys come first in an object's own order; the sort must still put "10" before "9".
    expect(canonicalJson({ 9: 'a', 10: 'b', x: [undefined, { b: 1, a: 2 }] })).toBe(
      '{"10":"b","9":"a","x":[null,{"a":2,"b":1}]}',
    );
  });

  it('writes canonical text parsed again (what central receives) as the plain definition does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = reference(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
    // Parsed, integer-like keys come back as 9 then 10: not canonical order, so sorted again.
    expect(canonicalJson(JSON.parse('{"10":"b","9":"a"}'))).toBe('{"10":"b","9":"a"}');
    // One object out of order deep inside values that are in order.
    expect(canonicalJson(JSON.parse('{"a":[{"b":{"d":1,"c":2}}],"e":"x"}'))).toBe(
      '{"a":[{"b":{"c":2,"d":1}}],"e":"x"}',
    );
    expect(canonicalJson(Object.assign(Object.create(null), { a: 1, b: [true, null] }))).toBe(
      '{"a":1,"b":[true,null]}',
    );
  });

  it('ignores toJSON and prototypes as it always has, where JSON.stringify would not', () => {
    const listWithToJson = Object.assign([1, 2], { toJSON: () => 'x' });
    expect(JSON.stringify(listWithToJson)).toBe('"x"');
    expect(canonicalJson({ a: listWithToJson })).toBe('{"a":[1,2]}');
    expect(canonicalJson({ a: new Date(0) })).toBe('{"a":{}}');
    class Tagged extends Array<number> {
      toJSON(): string {
        return 'tagged';
      }
    }
    expect(canonicalJson(Tagged.from([3]))).toBe('[3]');
    expect(() => canonicalJson({ a: 1, toJSON: () => 'x' })).toThrow(/unsupported function/);
    expect(() => canonicalJson([1, Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
  });
});

/** The same value with every object's keys in reverse insertion order. */
function shuffleKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(shuffleKeys);
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .reverse()
      .map(([k, x]) => [k, shuffleKeys(x)]),
  );
}
