import type { JsonValue } from './types';

/**
 * YAML for a JSON value, enough for the OpenAPI document: block mappings and sequences, strings
 * double-quoted the JSON way (a subset of YAML's double-quoted style) unless they span lines,
 * which become literal blocks so the prose stays readable. Key order is kept.
 */
export function toYaml(value: JsonValue): string {
  return `${emit(value, 0).replace(/^\n/, '')}\n`;
}

const PLAIN_KEY = /^[A-Za-z_$/][\w$/{}.-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;
const key = (k: string): string =>
  PLAIN_KEY.test(k) && !YAML_WORDS.test(k) ? k : JSON.stringify(k);
const pad = (n: number): string => ' '.repeat(n);

function scalar(v: string | number | boolean | null, indent: number): string {
  if (typeof v !== 'string') return JSON.stringify(v);
  // A literal block keeps lines as they are; it cannot start with a space or hold a tab or CR.
  if (v.includes('\n') && !/^[ \n]|[\t\r]|[ ]\n/.test(v)) {
    const chomp = v.endsWith('\n') ? (v.endsWith('\n\n') ? '+' : '') : '-';
    const body = v.replace(/\n$/, '').split('\n');
    return `|${chomp}\n${body.map((l) => (l ? pad(indent) + l : '')).join('\n')}`;
  }
  return JSON.stringify(v);
}

/** Text that follows `key:` or `- `: a scalar on the same line, or a block on the next ones. */
function emit(value: JsonValue, indent: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value.map((v) => `\n${pad(indent)}-${item(v, indent + 2)}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad(indent)}${key(k)}:${emit(v, indent + 2)}`).join('');
  }
  return ` ${scalar(value, indent)}`;
}

/** A sequence item: a mapping starts on the dash's line, everything else as after a key. */
function item(value: JsonValue, indent: number): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const body = emit(value, indent);
    return body.startsWith('\n') ? ` ${body.slice(1 + indent)}` : body;
  }
  return emit(value, indent);
}
