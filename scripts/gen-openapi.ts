/**
 * Writes docs/sync-openapi.yaml from the zod schemas of the sync protocol (shared/sync) and the
 * prose in shared/sync/openapi/prose.ts. Run: npx tsx scripts/gen-openapi.ts
 * A test (shared/sync/openapi/openapi.test.ts) fails when the committed file has drifted.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPENAPI_FILE, renderOpenApi } from '../shared/sync/openapi/document';

const target = resolve(import.meta.dirname, '..', OPENAPI_FILE);
const text = renderOpenApi();
writeFileSync(target, text);
console.log(`openapi written=${OPENAPI_FILE} bytes=${Buffer.byteLength(text)}`);
