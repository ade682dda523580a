/**
 * Canonical JSON for payload hashes: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as JSON.stringify writes them, undefined members left out. For the JSON
 * values our payloads hold this is the JSON Canonicalization Scheme (RFC 8785), so a server in
 * another language gets the same bytes: payloadHash = sha256 hex of the UTF-8 of this string.
 *
 * Central writes this once per operation it takes in, so it is built by appending to one string
 * with plain loops (no intermediate arrays per object), and keys already in order (a console's
 * payloads are canonical text parsed again) are not sorted a second time.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity have no JSON form; refusing them keeps the hash well defined.
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? arrayText(value) : objectText(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}

function arrayText(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (i > 0) out += ',';
    out += v === undefined ? 'null' : canonicalJson(v);
  }
  return out + ']';
}

function objectText(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  if (!inOrder(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

/** Whether the keys are already sorted as `Array.prototype.sort` would (UTF-16 code units). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
