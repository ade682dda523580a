/**
 * Canonical JSON for payload hashes: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as JSON.stringify writes them, undefined members left out. For the JSON
 * values our payloads hold this is the JSON Canonicalization Scheme (RFC 8785), so a server in
 * another language gets the same bytes: payloadHash = sha256 hex of the UTF-8 of this string.
 *
 * Central writes this once per operation it takes in. A console's payload arrives as canonical
 * text and is parsed again: plain JSON values with every object's keys already in order, for
 * which the engine's own JSON.stringify writes exactly these bytes at a fraction of the CPU; a
 * walk that builds nothing checks that first. Anything else is built by appending to one string
 * with plain loops, keys sorted where they are not in order.
 */
export function canonicalJson(value: unknown): string {
  return plainInOrder(value) ? JSON.stringify(value) : canonicalText(value);
}

const objectProto = Object.prototype;
const arrayProto = Array.prototype;

/**
 * Whether JSON.stringify writes `value` canonically: null, strings, booleans and finite numbers,
 * in plain arrays without holes and plain objects (Object's prototype or none) whose keys are in
 * order, nothing with a toJSON (JSON.stringify would call it, the canonical form does not).
 */
function plainInOrder(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== arrayProto) return false;
    for (let i = 0; i < value.length; i++) if (!plainInOrder(value[i])) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== objectProto && proto !== null) return false;
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const k of Object.keys(record)) {
    if (previous !== undefined && previous > k) return false;
    if (!plainInOrder(record[k])) return false;
    previous = k;
  }
  return true;
}

function canonicalText(value: unknown): string {
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
    out += v === undefined ? 'null' : canonicalText(v);
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
    out += JSON.stringify(k) + ':' + canonicalText(v);
  }
  return out + '}';
}

/** Whether the keys are already sorted as `Array.prototype.sort` would (UTF-16 code units). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}
