import { MIMEType } from 'node:util';

/**
 * True when a Content-Type header names JSON: the media type `application/json` in any case,
 * with any parameters (`APPLICATION/JSON; charset=UTF-8`). Not `application/jsonx`, not
 * `text/json`, not `application/ld+json`, not a header that cannot be parsed. Node's WHATWG
 * MIME parser does the reading, so case and parameters follow the standard.
 */
export function isJsonMediaType(header: string | null | undefined): boolean {
  if (!header) return false;
  try {
    return new MIMEType(header).essence === 'application/json';
  } catch {
    return false;
  }
}
