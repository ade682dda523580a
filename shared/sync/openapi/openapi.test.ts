import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGE_CODES } from '../../catalogue/stages';
import { OP_STATUSES, REASON_CODES, SYNC_ERROR_CODES, SYNC_OP_KINDS } from '../protocol';
import { buildOpenApi, OPENAPI_COMMAND, OPENAPI_FILE, renderOpenApi } from './document';
import type { JsonValue, OpenApiObject } from './types';
import { toYaml } from './yaml';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The first line where two texts differ, 1-based, or 0 when they are equal. */
function firstDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

function refsIn(value: JsonValue, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  return out;
}

describe(OPENAPI_FILE, () => {
  const doc = buildOpenApi();
  const schemas = (doc.components as OpenApiObject).schemas as Record<string, OpenApiObject>;

  it('is exactly what the zod schemas generate (no drift)', () => {
    const committed = readFileSync(resolve(ROOT, OPENAPI_FILE), 'utf8');
    const fresh = renderOpenApi();
    const line = firstDifference(committed, fresh);
    if (line !== 0)
      console.log(`openapi drift file=${OPENAPI_FILE} line=${line}: run \`${OPENAPI_COMMAND}\``);
    expect(line, `${OPENAPI_FILE} differs from line ${line}: run \`${OPENAPI_COMMAND}\``).toBe(0);
  });

  it('documents every /v1 route central/app.ts serves', () => {
    const source = readFileSync(resolve(ROOT, 'central/app.ts'), 'utf8');
    const served = [...source.matchAll(/app\.(get|post|put|delete)\('(\/v1\/[^']*)'/g)].map(
      ([, method, path]) => `${method} ${path!.replace(/:(\w+)/g, '{$1}')}`,
    );
    const paths = doc.paths as Record<string, OpenApiObject>;
    const missing = served.filter((route) => {
      const [method, path] = route.split(' ');
      return !paths[path!]?.[method!];
    });
    expect(served.length).toBeGreaterThan(4);
    expect(missing).toEqual([]);
  });

  it('resolves every $ref to a component', () => {
    const missing = refsIn(doc).filter((ref) => {
      const [, , kind, name] = ref.split('/');
      const group = (doc.components as Record<string, OpenApiObject>)[kind ?? ''];
      return !group || !(name! in group);
    });
    expect(missing).toEqual([]);
  });

  it('carries the enumerations of the contract itself', () => {
    expect(schemas.OpStatus!.enum).toEqual([...OP_STATUSES]);
    expect(schemas.ReasonCode!.enum).toEqual([...REASON_CODES]);
    expect(schemas.OpKind!.enum).toEqual([...SYNC_OP_KINDS]);
    expect(schemas.Stage!.enum).toEqual([...STAGE_CODES]);
    const code = (schemas.SyncError!.properties as Record<string, OpenApiObject>).code!;
    expect(code.enum).toEqual([...SYNC_ERROR_CODES]);
  });

  it('describes every endpoint with the schemas the server parses', () => {
    const paths = doc.paths as Record<string, Record<string, OpenApiObject>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/v1/devices/register',
        '/v1/devices/token',
        '/v1/ops',
        '/v1/ops/{opId}',
        '/v1/changes',
      ]),
    );
    const params = paths['/v1/changes']!.get!.parameters as OpenApiObject[];
    expect(params.map((p) => p.name)).toEqual(['since', 'limit']);
    expect((schemas.PushRequest!.properties as Record<string, OpenApiObject>).ops!.maxItems).toBe(
      500,
    );
  });
});

describe('toYaml', () => {
  it('quotes keys and strings YAML would misread, and keeps prose as literal blocks', () => {
    expect(toYaml({ '200': { $ref: '#/x' }, yes: true, list: [1, 'a'], empty: [] })).toBe(
      ['"200":', '  $ref: "#/x"', '"yes": true', 'list:', '  - 1', '  - "a"', 'empty: []', ''].join(
        '\n',
      ),
    );
    expect(toYaml({ d: 'one\ntwo\n' })).toBe('d: |\n  one\n  two\n');
    expect(toYaml({ d: 'one\n\ntwo' })).toBe('d: |-\n  one\n\n  two\n');
    expect(toYaml({ d: ' lead\nx' })).toBe('d: " lead\\nx"\n');
  });

  it('puts a mapping inside a list on the dash line', () => {
    expect(toYaml({ p: [{ name: 'since', in: 'query' }] })).toBe(
      'p:\n  - name: "since"\n    in: "query"\n',
    );
  });
});
