/**
 * Canonical JSON for payload hashes: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as JSON.stringify writes them, undefined members left out. For the JSON
 * values our payloads hold this is the JSON Canonicalization Scheme (RFC 8785), so a server in
 * another language gets the same bytes: payloadHash = sha256 hex of the UTF-8 of this string.
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
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
  }
}
