/**
 * How deeply a request's JSON may nest. The contract's deepest input (an application's address
 * inside its fields) is 4 levels; 32 leaves room and still stops a body of a million `[` from
 * reaching JSON.parse, zod or any recursive walk of the value. Both servers (the web host and
 * central) check the raw text before parsing and answer 400 with the limit in both languages.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON text opens more than `limit` arrays or objects inside each other. One pass
 * over the text, brackets inside strings ignored (escapes followed), no parsing: the text may be
 * malformed, JSON.parse still decides that afterwards. Strings are jumped over with indexOf
 * (most of a push body is string content), not walked a character at a time.
 */
export function jsonTooDeep(text: string, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) i = stringEnd(text, i);
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/**
 * Where the string opened by the quote at `open` ends (text.length when it does not): the next
 * quote after an even run of backslashes (an odd run escapes it).
 */
function stringEnd(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let b = q - 1;
    while (text.charCodeAt(b) === 0x5c) b--; // stops at the opening quote at the latest
    if ((q - 1 - b) % 2 === 0) return q;
  }
  return text.length;
}

/** The refusal's text, for both servers' envelopes. */
export const TOO_DEEP_TEXT = {
  zh: `请求的 JSON 嵌套层级过深（上限 ${MAX_JSON_DEPTH} 层）`,
  en: `The request's JSON is nested too deeply (limit ${MAX_JSON_DEPTH} levels)`,
} as const;
