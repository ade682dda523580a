import fc from 'fast-check';
import type { z } from 'zod';

/** Values no schema should accept in places it expects something else. */
const hostile = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    '\u0000',
    '<script>alert(1)</script>',
    "'; DROP TABLE applications; --",
    '../../../../etc/passwd',
    '%00%ff',
    '\ud800',
    '𠀀'.repeat(300),
    'x'.repeat(20_000),
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    0.1,
    true,
    false,
    [],
    {},
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.string({ maxLength: 60 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
);

/** JSON-safe anything, nested a few levels. */
const jsonAnything = fc.jsonValue({ maxDepth: 4 });

/** The top-level keys a method's input schema names, if it is an object schema. */
export function shapeKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod?: { def?: { shape?: object; innerType?: z.ZodType } } })
    ._zod?.def;
  if (def?.shape) return Object.keys(def.shape);
  if (def?.innerType) return shapeKeys(def.innerType);
  return [];
}

/**
 * Bad payloads for one method: arbitrary JSON, its own keys with hostile values (so the parser
 * gets past "unknown key"), extra keys, prototype tricks and deep nesting.
 */
export function badPayloads(keys: string[]): fc.Arbitrary<unknown> {
  const ownKeys =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostile, jsonAnything), {
          minKeys: 1,
          maxKeys: keys.length,
        })
      : fc.constant({});
  const withExtra = ownKeys.chain((obj) =>
    fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 3 }).map((extra) => ({
      ...extra,
      ...(obj as object),
    })),
  );
  const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = { fields: v };
    return v;
  });
  return fc.oneof(
    { weight: 3, arbitrary: ownKeys },
    { weight: 2, arbitrary: withExtra },
    { weight: 2, arbitrary: jsonAnything },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: deep },
  );
}
